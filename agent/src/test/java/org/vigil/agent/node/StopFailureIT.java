package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.node.FailoverIT.awaitAnswersFrom;
import static org.vigil.agent.node.FailoverIT.settle;
import static org.vigil.agent.node.FailoverIT.sleep;
import static org.vigil.agent.node.FailoverIT.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.failover.GroupRunner;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * A resource that will not stop, on a clean stop of the node holding it (group {@code VIP
 * stubborn}: the stubborn script's stop fails and its status keeps saying running). With
 * {@code --on-stop-failure reboot} the node reboots after Heartbeat's 10 attempts (here a
 * stand-in reboot command that flushes the node's addresses and kills its processes, never the
 * machine's reboot) and the peer takes over when it sees the node dead; with {@code hold} the
 * peer never takes the group while the node lives.
 */
class StopFailureIT {

    private static final long DEADTIME_MS = 2000;
    private static final String STUBBORN = """
            #!/bin/sh
            # A service whose stop fails while /etc/ha.d/stubborn.fails exists.
            case "$1" in
              start)  touch /run/stubborn.on; echo "stubborn started" ;;
              stop)   if [ -e /etc/ha.d/stubborn.fails ]; then echo "stubborn: device busy" >&2; exit 1; fi
                      rm -f /run/stubborn.on ;;
              status) if [ -e /run/stubborn.on ]; then echo "stubborn is running"; else echo "stubborn is stopped"; fi ;;
            esac
            """;
    /** What a reboot does to the rest of the cluster: the node's addresses and processes vanish. */
    private static final String FAKE_REBOOT = """
            #!/bin/sh
            date +%s%3N > /var/log/rebooted
            ip addr flush dev eth0
            kill -9 -1
            """;

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        Testbed.assumeCommands("python3", "arping");
    }

    @Test
    void reboot_letsThePeerTakeOver_onlyAfterTheNodeIsGone() throws IOException {
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().build()) {
            VipPair pair = configure(tb);
            Testbed.Spawned a = start(tb, "a", "--on-stop-failure", "reboot", "--reboot-command", "/etc/ha.d/fake-reboot");
            Testbed.Spawned b = start(tb, "b");
            try {
                Testbed.Spawned client = pair.startClient();
                long t = stopWithAStubbornResource(tb, client, a);
                Path rebooted = tb.node("a").hostPath("/var/log/rebooted");
                Poll.until("a to reboot", Duration.ofSeconds(GroupRunner.STOP_ATTEMPTS + 20), Duration.ofMillis(50),
                        () -> !read(rebooted).isBlank());
                long rebootAt = Long.parseLong(read(rebooted).strip());
                long takeover = awaitAnswersFrom(client, "b", t, 40_000);
                long bFirst = ClientLog.parse(client.output()).firstFrom("b", t);
                System.out.println("StopFailureIT reboot: a rebooted " + (rebootAt - t) + " ms after TERM (10 stop attempts);"
                        + " b answers " + (t + takeover - rebootAt) + " ms after the reboot");
                assertTrue(pair.log("a").contains("Reboot required!"), pair.log("a"));
                assertTrue(bFirst >= rebootAt - t, "b served only after a was gone");
                assertTrue(t + takeover - rebootAt <= DEADTIME_MS + 3000, "takeover after the reboot took "
                        + (t + takeover - rebootAt) + " ms");
                assertFalse(pair.log("b").contains("Received shutdown notice from 'a'"),
                        "a never said it had released everything");
            } catch (AssertionError | RuntimeException e) {
                System.out.println(pair.diagnostics(a, b));
                throw e;
            }
        }
    }

    @Test
    void hold_neverLetsThePeerTakeTheGroup() throws IOException {
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().build()) {
            VipPair pair = configure(tb);
            Testbed.Spawned a = start(tb, "a", "--on-stop-failure", "hold");
            Testbed.Spawned b = start(tb, "b");
            try {
                Testbed.Spawned client = pair.startClient();
                long t = stopWithAStubbornResource(tb, client, a);
                Poll.until("a's stop failure", Duration.ofSeconds(GroupRunner.STOP_ATTEMPTS + 20), Duration.ofMillis(100),
                        () -> pair.log("a").contains("this node does not reboot"));
                sleep(DEADTIME_MS * 3);
                assertTrue(a.isAlive(), "a keeps running (and heartbeating) while it holds the group");
                assertTrue(ClientLog.parse(client.output()).firstFrom("b", t) < 0, "b never served");
                assertFalse(pair.vipOn("b"), "b never added the address");
                assertFalse(pair.log("b").contains("node a: is dead"), pair.log("b"));
                System.out.println("StopFailureIT hold: a's stop failed " + (System.currentTimeMillis() - t)
                        + " ms ago; b has not taken the group");
                a.kill9();
            } catch (AssertionError | RuntimeException e) {
                System.out.println(pair.diagnostics(a, b));
                throw e;
            }
        }
    }

    /** Once a serves, makes the stubborn resource refuse to stop and stops a cleanly; returns when. */
    private static long stopWithAStubbornResource(Testbed tb, Testbed.Spawned client, Testbed.Spawned a)
            throws IOException {
        awaitAnswersFrom(client, "a", System.currentTimeMillis(), 40_000);
        settle();
        Files.writeString(tb.node("a").hostPath("/etc/ha.d/stubborn.fails"), "");
        long t = System.currentTimeMillis();
        a.signal("TERM");
        return t;
    }

    /** The VIP pair with the stubborn resource after the VIP, and the stand-in reboot command. */
    private static VipPair configure(Testbed tb) throws IOException {
        VipPair pair = new VipPair(tb);
        pair.configure("auto_failback on\n", " stubborn");
        for (String node : new String[] {"a", "b"}) {
            Path etc = tb.node(node).hostPath("/etc/ha.d");
            executable(Files.createDirectories(etc.resolve("resource.d")).resolve("stubborn"), STUBBORN);
            executable(etc.resolve("fake-reboot"), FAKE_REBOOT);
        }
        pair.startWebServers();
        return pair;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
