package org.vigil.agent.transport.udp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.testing.netns.Poll;

/**
 * The IPv6 media, {@code ucast6} and {@code mcast6}, between two network namespaces of this test
 * (a veth pair, IPv6 on, unique local addresses): frames cross in both directions, tagged with
 * the interface. The shared test bed turns IPv6 off, so this test builds its own two namespaces.
 */
class Ipv6MediaIT {

    @TempDir
    Path dir;

    private final String prefix = "vig6-" + Integer.toHexString(new Random().nextInt(0xFFFFF));
    private final String x = prefix + "-x";
    private final String y = prefix + "-y";
    private final List<Process> probes = new ArrayList<>();

    private static int sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @BeforeEach
    void namespaces() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for network namespaces: skipped");
        assumeTrue(sh("ip", "netns", "add", x) == 0, "ip netns unavailable: skipped");
        sh("ip", "netns", "add", y);
        sh("ip", "link", "add", "v0", "netns", x, "type", "veth", "peer", "name", "v1", "netns", y);
        for (String[] n : new String[][] {{x, "v0", "fd77::1/64"}, {y, "v1", "fd77::2/64"}}) {
            sh("ip", "netns", "exec", n[0], "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=0");
            sh("ip", "netns", "exec", n[0], "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=0");
            sh("ip", "-n", n[0], "link", "set", "lo", "up");
            sh("ip", "-n", n[0], "link", "set", n[1], "up");
            assumeTrue(sh("ip", "-n", n[0], "-6", "addr", "add", n[2], "dev", n[1], "nodad") == 0, "no IPv6 here: skipped");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : probes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        sh("ip", "netns", "del", x);
        sh("ip", "netns", "del", y);
    }

    private Path probe(String ns, String haCf, String tag) throws IOException {
        Path cf = dir.resolve(tag + ".cf");
        Files.writeString(cf, haCf);
        Path out = dir.resolve(tag + ".out");
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "org.vigil.agent.transport.MediumProbe", cf.toString(), tag, "40")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        probes.add(p);
        return out;
    }

    private static void awaitLine(Path out, String text) {
        try {
            awaitLineOnce(out, text);
        } catch (AssertionError e) {
            try {
                throw new AssertionError(e.getMessage() + "\n--- " + out.getFileName() + ":\n" + Files.readString(out), e);
            } catch (IOException io) {
                throw e;
            }
        }
    }

    private static void awaitLineOnce(Path out, String text) {
        Poll.until("[" + text + "] in " + out.getFileName(), Duration.ofSeconds(20), Duration.ofMillis(100), () -> {
            try {
                return Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).contains(text);
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void ucast6_crossesInBothDirections() throws IOException {
        Path a = probe(x, "udpport 7697\nucast6 v0 fd77::2\n", "u6x");
        Path b = probe(y, "udpport 7697\nucast6 v1 fd77::1\n", "u6y");
        awaitLine(b, "RECV v1 fd77:0:0:0:0:0:0:1 hello u6x");
        awaitLine(a, "RECV v0 fd77:0:0:0:0:0:0:2 hello u6y");
    }

    @Test
    void mcast6_reachesTheOtherGroupMember() throws IOException {
        Path a = probe(x, "mcast6 v0 ff12::694 7698 1 0\n", "m6x");
        Path b = probe(y, "mcast6 v1 ff12::694 7698 1 0\n", "m6y");
        awaitLine(b, "RECV v1 fd77:0:0:0:0:0:0:1 hello m6x");
        awaitLine(a, "RECV v0 fd77:0:0:0:0:0:0:2 hello m6y");
        assertTrue(Files.readString(a).contains("READY 1"), "the medium opened");
    }
}
