package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Testbed;

/**
 * A mixed cluster: one Vigil node and one real Heartbeat 3.0.6 node (Debian package, its own
 * IPaddr2 and send_arp) with the same ha.cf, authkeys and haresources fail a virtual IP over to
 * each other in both directions, with auto_failback on and off, while a client asks for a page
 * through the VIP every 20 ms.
 */
class MixedClusterIT {

    private static final long DETECT_MS = 1000 + 2500;

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        HeartbeatPeer.assumeInstalled();
        Testbed.assumeCommands("python3", "arping");
    }

    @Test
    void vigilPreferred_heartbeatTakesOverAndGivesBack_autoFailbackOn() throws Exception {
        run(true, "on");
    }

    @Test
    void heartbeatPreferred_vigilTakesOverAndGivesBack_autoFailbackOn() throws Exception {
        run(false, "on");
    }

    @Test
    void heartbeatPreferred_vigilKeepsTheGroup_autoFailbackOff() throws Exception {
        run(false, "off");
    }

    /** Node a is preferred by haresources; a runs Vigil when {@code vigilIsA}, else Heartbeat. */
    private void run(boolean vigilIsA, String autoFailback) throws Exception {
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().build()) {
            String vip = tb.subnet().replace("0/24", "100");
            String resources = "a IPaddr2::" + vip + "/24/eth0";
            for (String node : new String[] {"a", "b"}) {
                HeartbeatPeer.Config c = HeartbeatPeer.Config.fast(tb, node, "sha1", "mixed-key");
                HeartbeatPeer.configure(tb, node, new HeartbeatPeer.Config(c.keepalive(), c.deadtime(), c.warntime(),
                        "10", c.media(), c.nodes(), "sha1", "mixed-key", resources));
                Path cf = tb.node(node).hostPath("/etc/ha.d/ha.cf");
                Files.writeString(cf, Files.readString(cf).replace("auto_failback on", "auto_failback " + autoFailback));
                Path www = Files.createDirectories(tb.runDir().resolve("www-" + node));
                Files.writeString(www.resolve("index.html"), node + "\n");
                tb.spawn(node, "python3", "-m", "http.server", "80", "--bind", "0.0.0.0", "--directory", www.toString());
            }
            String vigilNode = vigilIsA ? "a" : "b";
            String heartbeatNode = vigilIsA ? "b" : "a";
            List<String> figures = new ArrayList<>();
            HeartbeatPeer.start(tb, heartbeatNode);
            Testbed.Spawned vigil = FailoverIT.start(tb, vigilNode);
            Testbed.Spawned client = tb.spawn("client", FailoverIT.java(HttpProbe.class.getName(), "http://" + vip + "/", "20"));
            try {
                FailoverIT.awaitAnswersFrom(client, "a", System.currentTimeMillis(), 60_000);
                FailoverIT.settle();

                // a dies (kill -9): b, of the other implementation, takes the VIP
                long t = System.currentTimeMillis();
                if (vigilIsA) {
                    vigil.kill9();
                } else {
                    HeartbeatPeer.kill9(tb, "a");
                }
                long failover = FailoverIT.awaitAnswersFrom(client, "b", t, DETECT_MS + 5000);
                figures.add("kill -9 of a (" + (vigilIsA ? "Vigil" : "Heartbeat") + "): b answers after " + failover + " ms");
                assertTrue(failover <= DETECT_MS, "failover took " + failover + " ms");
                FailoverIT.settle();

                // a comes back after a reboot (its stale address is gone)
                tb.exec("a", "ip", "-4", "addr", "del", vip + "/24", "dev", "eth0");
                t = System.currentTimeMillis();
                if (vigilIsA) {
                    vigil = FailoverIT.start(tb, "a");
                } else {
                    HeartbeatPeer.start(tb, "a");
                }
                if (autoFailback.equals("on")) {
                    long back = FailoverIT.awaitAnswersFrom(client, "a", t, 60_000);
                    long t3 = t;
                    FailoverIT.settle();
                    long outage = ClientLog.parse(client.output()).longestOutage(t3, System.currentTimeMillis());
                    figures.add("a returns: a answers after " + back + " ms, longest outage " + outage + " ms");
                    assertTrue(outage <= 2000, "failback outage " + outage + " ms");
                    assertOnly(client, "a");
                } else {
                    FailoverIT.sleep(25_000);
                    assertOnly(client, "b");
                    figures.add("a returns with auto_failback off: b keeps the VIP");
                }
                System.out.println("MixedClusterIT (a=" + (vigilIsA ? "Vigil" : "Heartbeat") + ", auto_failback " + autoFailback
                        + "):\n  " + String.join("\n  ", figures));
            } catch (AssertionError | RuntimeException e) {
                System.out.println("== a's log\n" + HeartbeatPeer.log(tb, "a") + "\n== b's log\n" + HeartbeatPeer.log(tb, "b"));
                throw e;
            } finally {
                vigil.signal("TERM");
            }
        }
    }

    private static void assertOnly(Testbed.Spawned client, String node) {
        long now = System.currentTimeMillis();
        assertEquals(List.of(node), ClientLog.parse(client.output()).answeredBy(now - 2000, now), "the last 2 s");
    }
}
