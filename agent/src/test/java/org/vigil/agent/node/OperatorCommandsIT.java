package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.netns.ExecResult;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * The operator's commands against two running nodes, through the command line and the control
 * socket: standby hands the group to the peer, takeover takes it back, maintenance is shown and
 * lifted; a bad argument is refused with a clear message.
 */
class OperatorCommandsIT {

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        Testbed.assumeCommands("arping");
    }

    @Test
    void standbyTakeoverMaintenance() throws Exception {
        try (Testbed tb = Testbed.builder().nodes("a", "b").build()) {
            String vip = tb.subnet().replace("0/24", "100");
            for (String node : new String[] {"a", "b"}) {
                String peer = tb.node(node.equals("a") ? "b" : "a").address();
                Path etc = Files.createDirectories(tb.node(node).hostPath("/etc/ha.d"));
                Files.writeString(etc.resolve("ha.cf"), "logfile /var/log/ha-log\nkeepalive 200ms\ndeadtime 2\ninitdead 10\n"
                        + "ucast eth0 " + peer + "\nauto_failback off\nnode a b\n");
                Files.writeString(etc.resolve("authkeys"), "auth 1\n1 sha1 operator-key\n");
                Files.setPosixFilePermissions(etc.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
                Files.writeString(etc.resolve("haresources"), "a IPaddr2::" + vip + "/24/eth0\n");
            }
            Testbed.Spawned a = FailoverIT.start(tb, "a");
            Testbed.Spawned b = FailoverIT.start(tb, "b");
            try {
                awaitVipOn(tb, "a", vip);
                FailoverIT.settle();

                ExecResult standby = cli(tb, "a", "standby");
                assertEquals(0, standby.exitCode(), standby.out() + standby.stderr());
                awaitVipOn(tb, "b", vip);
                assertTrue(!hasVip(tb, "a", vip), "a released the address");

                ExecResult takeover = cli(tb, "a", "takeover");
                assertEquals(0, takeover.exitCode(), takeover.out() + takeover.stderr());
                awaitVipOn(tb, "a", vip);
                Poll.until("b to release", Duration.ofSeconds(10), Duration.ofMillis(100), () -> !hasVip(tb, "b", vip));

                assertEquals(0, cli(tb, "a", "maintenance", "on").exitCode());
                assertTrue(cli(tb, "a", "status").out().contains("MAINTENANCE MODE"));
                assertEquals(0, cli(tb, "a", "maintenance", "off").exitCode());
                assertTrue(!cli(tb, "a", "status").out().contains("MAINTENANCE MODE"));

                ExecResult bad = cli(tb, "a", "standby", "everything");
                assertEquals(1, bad.exitCode());
                assertTrue(bad.stderr().contains("usage: standby [all|local|foreign]"), bad.stderr());
                assertTrue(hasVip(tb, "a", vip), "a refused command changes nothing");
            } catch (AssertionError | RuntimeException e) {
                System.out.println("== a's log\n" + HeartbeatPeer.log(tb, "a") + "\n== b's log\n" + HeartbeatPeer.log(tb, "b"));
                throw e;
            } finally {
                a.signal("TERM");
                b.signal("TERM");
            }
        }
    }

    private static ExecResult cli(Testbed tb, String node, String... args) {
        String[] base = FailoverIT.java("org.vigil.agent.cli.VigilCommand", args);
        String[] cmd = java.util.Arrays.copyOf(base, base.length + 2);
        cmd[base.length] = "--state-dir";
        cmd[base.length + 1] = "/var/lib/heartbeat/vigil";
        return tb.exec(node, cmd);
    }

    private static boolean hasVip(Testbed tb, String node, String vip) {
        return tb.exec(node, "ip", "-o", "-4", "addr", "show").out().contains(" " + vip + "/");
    }

    private static void awaitVipOn(Testbed tb, String node, String vip) {
        Poll.until(node + " to hold " + vip, Duration.ofSeconds(40), Duration.ofMillis(100), () -> hasVip(tb, node, vip));
    }
}
