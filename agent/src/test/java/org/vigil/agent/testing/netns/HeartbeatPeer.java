package org.vigil.agent.testing.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Debian {@code heartbeat} 3.0.6 package as a test peer inside a {@link Testbed} node:
 * writes {@code ha.cf}/{@code authkeys}/{@code haresources} into the node's private
 * {@code /etc/ha.d}, starts, stops and kills the daemon, and asks {@code cl_status}.
 */
public final class HeartbeatPeer {
    /** Where Debian 12 installs the daemon (there is no /usr/sbin/heartbeat). */
    public static final List<String> BINARY_CANDIDATES = List.of("/usr/libexec/heartbeat/heartbeat",
            "/usr/lib/heartbeat/heartbeat");

    private HeartbeatPeer() {
    }

    /** Skips the calling test unless heartbeat and cl_status are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(binary().isPresent(), "test skipped: heartbeat is not installed (Debian: "
                + "apt-get install --no-install-recommends heartbeat; see bin/test-all)");
        Testbed.assumeCommands("cl_status");
    }

    public static Optional<String> binary() {
        return BINARY_CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    /**
     * ha.cf settings. {@code media} is a list of whole media lines, e.g. {@code "ucast eth0 10.1.2.12"}
     * or {@code "bcast eth0"}; times use heartbeat's syntax ({@code 200ms}, {@code 1}).
     */
    public record Config(String keepalive, String deadtime, String warntime, String initdead, List<String> media,
                         List<String> nodes, String authMethod, String authKey, String haresources) {

        /** The short timings of reference row "keepalive 200 ms, deadtime 1 s", ucast to the peers. */
        public static Config fast(Testbed tb, String self, String authMethod, String authKey) {
            List<String> ucast = tb.nodes().stream().filter(n -> !n.name().equals(self) && !n.name().equals("client"))
                    .map(n -> "ucast eth0 " + n.address()).toList();
            List<String> names = tb.nodes().stream().map(Testbed.Node::name).filter(n -> !n.equals("client")).toList();
            return new Config("200ms", "1", "500ms", "5", ucast, names, authMethod, authKey, "");
        }

        public Config withMedia(String... lines) {
            return new Config(keepalive, deadtime, warntime, initdead, List.of(lines), nodes, authMethod, authKey,
                    haresources);
        }

        public String haCf() {
            return Stream.of(
                    Stream.of("# written by org.vigil.agent.testing.netns.HeartbeatPeer",
                            "logfile /var/log/ha-log", "debugfile /var/log/ha-debug", "use_logd no",
                            "keepalive " + keepalive, "deadtime " + deadtime, "warntime " + warntime,
                            "initdead " + initdead, "udpport 694"),
                    media.stream(),
                    Stream.of("auto_failback on"),
                    nodes.stream().map(n -> "node " + n),
                    Stream.of("crm off"))
                    .flatMap(s -> s).collect(Collectors.joining("\n", "", "\n"));
        }

        public String authkeys() {
            return "auth 1\n1 " + authMethod + (authKey == null || authKey.isEmpty() ? "" : " " + authKey) + "\n";
        }
    }

    /** Writes the node's /etc/ha.d files (authkeys mode 600, as heartbeat insists). */
    public static void configure(Testbed tb, String node, Config c) {
        Path etc = tb.node(node).hostPath("/etc/ha.d");
        try {
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("ha.cf"), c.haCf());
            Path keys = etc.resolve("authkeys");
            Files.writeString(keys, c.authkeys());
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
            // heartbeat refuses to start without haresources, even with nothing to manage
            Files.writeString(etc.resolve("haresources"), c.haresources().isEmpty()
                    ? "# no resources: membership only\n" : c.haresources() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts heartbeat in the node; it daemonizes, so this returns once the daemon has validated
     * its configuration. A stale pid file of a killed instance is removed first (reference P9).
     */
    public static void start(Testbed tb, String node) {
        String bin = binary().orElseThrow();
        tb.exec(node, "sh", "-c", "pgrep -x heartbeat >/dev/null || rm -f /run/heartbeat.pid; exec " + bin)
                .orThrow();
    }

    /** Graceful stop ({@code heartbeat -k}): the node gives up its resources and sends shutdone. */
    public static ExecResult stop(Testbed tb, String node) {
        return tb.exec(node, Duration.ofSeconds(30), binary().orElseThrow(), "-k");
    }

    /** SIGKILL to every heartbeat process of the node (no stop actions, no shutdone). */
    public static int kill9(Testbed tb, String node) {
        return tb.killAll(node, "heartbeat");
    }

    /** {@code cl_status nodestatus OF} run inside node {@code from}: active, up, dead, init, ... */
    public static String nodeStatus(Testbed tb, String from, String of) {
        ExecResult r = tb.exec(from, Duration.ofSeconds(10), "cl_status", "nodestatus", of);
        return r.out().isEmpty() ? "(rc " + r.exitCode() + ": " + r.stderr().strip() + ")" : r.out();
    }

    /** The node's heartbeat log (logfile), read from the host side. */
    public static String log(Testbed tb, String node) {
        return Testbed.readQuietly(tb.node(node).hostPath("/var/log/ha-log"));
    }
}
