package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.node.FailoverIT.awaitAnswersFrom;
import static org.vigil.agent.node.FailoverIT.java;
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
import org.vigil.agent.testing.netns.HeartbeatPeer;
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
            String vip = configure(tb);
            Testbed.Spawned a = start(tb, "a", "--on-stop-failure", "reboot", "--reboot-command", "/etc/ha.d/fake-reboot");
            Testbed.Spawned b = start(tb, "b");
            Testbed.Spawned client = tb.spawn("client", java(HttpProbe.class.getName(), "http://" + vip + "/", "20"));
            try {
                awaitAnswersFrom(client, "a", System.currentTimeMillis(), 40_000);
                settle();
                Files.writeString(tb.node("a").hostPath("/etc/ha.d/stubborn.fails"), "");
                long t = System.currentTimeMillis();
                a.signal("TERM");
                Path rebooted = tb.node("a").hostPath("/var/log/rebooted");
                Poll.until("a to reboot", Duration.ofSeconds(GroupRunner.STOP_ATTEMPTS + 20), Duration.ofMillis(50),
                        () -> !read(rebooted).isBlank());
                long rebootAt = Long.parseLong(Files.readString(rebooted).strip());
                long takeover = awaitAnswersFrom(client, "b", t, 40_000);
                long bFirst = ClientLog.parse(client.output()).firstFrom("b", t);
                System.out.println("StopFailureIT reboot: a rebooted " + (rebootAt - t) + " ms after TERM (10 stop attempts);"
                        + " b answers " + (t + takeover - rebootAt) + " ms after the reboot");
                assertTrue(HeartbeatPeer.log(tb, "a").contains("Reboot required!"), HeartbeatPeer.log(tb, "a"));
                assertTrue(bFirst >= rebootAt - t, "b served only after a was gone");
                assertTrue(t + takeover - rebootAt <= DEADTIME_MS + 3000, "takeover after the reboot took "
                        + (t + takeover - rebootAt) + " ms");
                assertFalse(HeartbeatPeer.log(tb, "b").contains("Received shutdown notice from 'a'"),
                        "a never said it had released everything");
            } catch (AssertionError | RuntimeException e) {
                System.out.println("== a's log\n" + HeartbeatPeer.log(tb, "a") + "\n== b's log\n" + HeartbeatPeer.log(tb, "b")
                        + "\n== a's stderr\n" + a.output() + "\n== b's stderr\n" + b.output());
                throw e;
            }
        }
    }

    @Test
    void hold_neverLetsThePeerTakeTheGroup() throws IOException {
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().build()) {
            String vip = configure(tb);
            Testbed.Spawned a = start(tb, "a", "--on-stop-failure", "hold");
            Testbed.Spawned b = start(tb, "b");
            Testbed.Spawned client = tb.spawn("client", java(HttpProbe.class.getName(), "http://" + vip + "/", "20"));
            try {
                awaitAnswersFrom(client, "a", System.currentTimeMillis(), 40_000);
                settle();
                Files.writeString(tb.node("a").hostPath("/etc/ha.d/stubborn.fails"), "");
                long t = System.currentTimeMillis();
                a.signal("TERM");
                Poll.until("a's stop failure", Duration.ofSeconds(GroupRunner.STOP_ATTEMPTS + 20), Duration.ofMillis(100),
                        () -> HeartbeatPeer.log(tb, "a").contains("this node does not reboot"));
                sleep(DEADTIME_MS * 3);
                assertTrue(a.isAlive(), "a keeps running (and heartbeating) while it holds the group");
                assertTrue(ClientLog.parse(client.output()).firstFrom("b", t) < 0, "b never served");
                assertFalse(tb.exec("b", "ip", "-o", "-4", "addr", "show").out().contains(" " + vip + "/"));
                assertFalse(HeartbeatPeer.log(tb, "b").contains("node a: is dead"), HeartbeatPeer.log(tb, "b"));
                System.out.println("StopFailureIT hold: a's stop failed " + (System.currentTimeMillis() - t)
                        + " ms ago; b has not taken the group");
                a.kill9();
            } catch (AssertionError | RuntimeException e) {
                System.out.println("== a's log\n" + HeartbeatPeer.log(tb, "a") + "\n== b's log\n" + HeartbeatPeer.log(tb, "b")
                        + "\n== a's stderr\n" + a.output() + "\n== b's stderr\n" + b.output());
                throw e;
            }
        }
    }

    /** @return the virtual address */
    private static String configure(Testbed tb) throws IOException {
        String vip = tb.subnet().replace("0/24", "100");
        for (String node : new String[] {"a", "b"}) {
            String peer = tb.node(node.equals("a") ? "b" : "a").address();
            Path etc = tb.node(node).hostPath("/etc/ha.d");
            Files.createDirectories(etc.resolve("resource.d"));
            Files.writeString(etc.resolve("ha.cf"), "logfile /var/log/ha-log\nkeepalive 200ms\nwarntime 1\ndeadtime 2\n"
                    + "initdead 10\nudpport 694\nucast eth0 " + peer + "\nauto_failback on\nnode a b\n");
            Files.writeString(etc.resolve("authkeys"), "auth 1\n1 sha1 stop-failure-key\n");
            Files.setPosixFilePermissions(etc.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(etc.resolve("haresources"), "a IPaddr2::" + vip + "/24/eth0 stubborn\n");
            executable(etc.resolve("resource.d/stubborn"), STUBBORN);
            executable(etc.resolve("fake-reboot"), FAKE_REBOOT);
            Path www = Files.createDirectories(tb.runDir().resolve("www-" + node));
            Files.writeString(www.resolve("index.html"), node + "\n");
            tb.spawn(node, "python3", "-m", "http.server", "80", "--bind", "0.0.0.0", "--directory", www.toString());
        }
        return vip;
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
