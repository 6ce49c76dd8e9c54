package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Testbed;

/**
 * A service dies on a live machine: node a stays up, but its web server is killed. The health
 * check fails {@code alertafter} times, the group moves to b, and the client gets its pages from b
 * through the virtual IP. Heartbeat alone never noticed this (it needed mon).
 */
class CheckFailoverIT {

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        Testbed.assumeCommands("python3", "arping");
    }

    @Test
    void deadServiceMovesTheGroup() throws Exception {
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().build()) {
            String vip = tb.subnet().replace("0/24", "100");
            for (String node : new String[] {"a", "b"}) {
                String peer = tb.node(node.equals("a") ? "b" : "a").address();
                Path etc = Files.createDirectories(tb.node(node).hostPath("/etc/ha.d"));
                Files.writeString(etc.resolve("ha.cf"), "logfile /var/log/ha-log\nkeepalive 200ms\nwarntime 1\ndeadtime 2\n"
                        + "initdead 10\nucast eth0 " + peer + "\nauto_failback on\nnode a b\n");
                Files.writeString(etc.resolve("authkeys"), "auth 1\n1 sha1 check-key\n");
                Files.setPosixFilePermissions(etc.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
                Files.writeString(etc.resolve("haresources"), "a IPaddr2::" + vip + "/24/eth0\n");
                Files.writeString(etc.resolve("checks"), "watch IPaddr2::" + vip + "/24/eth0\n"
                        + "    service web\n"
                        + "        monitor http url=http://127.0.0.1/ timeout=1s\n"
                        + "        interval 1s\n"
                        + "        alertafter 3\n"
                        + "        on_fail move\n"
                        + "        max_restarts 0\n");
                Path www = Files.createDirectories(tb.runDir().resolve("www-" + node));
                Files.writeString(www.resolve("index.html"), node + "\n");
                tb.spawn(node, "python3", "-m", "http.server", "80", "--bind", "0.0.0.0", "--directory", www.toString());
            }
            Testbed.Spawned a = FailoverIT.start(tb, "a");
            Testbed.Spawned b = FailoverIT.start(tb, "b");
            Testbed.Spawned client = tb.spawn("client", FailoverIT.java(HttpProbe.class.getName(), "http://" + vip + "/", "20"));
            try {
                FailoverIT.awaitAnswersFrom(client, "a", System.currentTimeMillis(), 40_000);
                FailoverIT.settle();
                long t = System.currentTimeMillis();
                tb.killAll("a", "python3");
                long moved = FailoverIT.awaitAnswersFrom(client, "b", t, 20_000);
                System.out.println("CheckFailoverIT: web server on a killed; pages from b after " + moved + " ms"
                        + " (check every 1 s, alertafter 3)");
                assertTrue(moved >= 2000, "moved only after the check failed 3 times: " + moved + " ms");
                String log = HeartbeatPeer.log(tb, "a");
                assertTrue(log.contains("check web") && log.contains("moving group"), log);
                assertTrue(a.isAlive(), "a's agent keeps running: only the service died");
            } catch (AssertionError | RuntimeException e) {
                System.out.println("== a's log\n" + HeartbeatPeer.log(tb, "a") + "\n== b's log\n" + HeartbeatPeer.log(tb, "b"));
                throw e;
            } finally {
                a.signal("TERM");
                b.signal("TERM");
            }
        }
    }
}
