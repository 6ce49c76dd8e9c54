package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.node.FailoverIT.awaitAnswersFrom;
import static org.vigil.agent.node.FailoverIT.java;
import static org.vigil.agent.node.FailoverIT.settle;
import static org.vigil.agent.node.FailoverIT.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.HelperPrograms;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Testbed;

/**
 * An IPv6 virtual address fails over between two Vigil nodes while a client asks for a web page
 * through it every 20 ms. After kill -9 of a's agent its stale address and web server still
 * answer (reference P1), so the client moves to b only because b's unsolicited neighbour
 * advertisements replace a's MAC in the client's neighbour cache. a's return (start-up clean-up
 * of the stale address, then failback) must be a short outage. The address is written compressed
 * ({@code IPv6addr::fdXX:...::100}), which Heartbeat 3.0.6 splits and Vigil reads whole.
 */
class Ipv6FailoverIT {

    private static final long DEADTIME_MS = 2000;
    private static final long BOUND_MS = 1500;

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        Testbed.assumeCommands("python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(HelperPrograms.sendUa(HostEnvironment.system()).isPresent(),
                "send_ua (package resource-agents) missing: IPv6 announcement not testable, skipped");
    }

    @Test
    void ipv6AddressFollowsTheNodeThroughNeighbourAdvertisements() throws IOException {
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().ipv6().build()) {
            String vip = tb.ipv6Prefix() + "100";
            for (String node : new String[] {"a", "b"}) {
                configure(tb, node, vip);
            }
            Testbed.Spawned[] vigil = {start(tb, "a"), start(tb, "b")};
            try {
                scenario(tb, vip, vigil);
            } catch (AssertionError | RuntimeException e) {
                System.out.println("== a's log\n" + HeartbeatPeer.log(tb, "a") + "\n== b's log\n" + HeartbeatPeer.log(tb, "b")
                        + "\n== a's stderr\n" + vigil[0].output() + "\n== b's stderr\n" + vigil[1].output());
                throw e;
            }
        }
    }

    private static void configure(Testbed tb, String node, String vip) throws IOException {
        String peer = tb.node(node.equals("a") ? "b" : "a").address();
        Path etc = tb.node(node).hostPath("/etc/ha.d");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("ha.cf"), "logfile /var/log/ha-log\nkeepalive 200ms\nwarntime 1\ndeadtime 2\n"
                + "initdead 10\nudpport 694\nucast eth0 " + peer + "\nauto_failback on\nnode a b\n");
        Files.writeString(etc.resolve("authkeys"), "auth 1\n1 sha1 ipv6-key\n");
        Files.setPosixFilePermissions(etc.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(etc.resolve("haresources"), "a IPv6addr::" + vip + "/64/eth0\n");
        Path www = Files.createDirectories(tb.runDir().resolve("www-" + node));
        Files.writeString(www.resolve("index.html"), node + "\n");
        tb.spawn(node, "python3", "-m", "http.server", "80", "--bind", "::", "--directory", www.toString());
    }

    private static void scenario(Testbed tb, String vip, Testbed.Spawned[] vigil) {
        Testbed.Spawned client = tb.spawn("client", java(HttpProbe.class.getName(), "http://[" + vip + "]/", "20"));
        List<String> figures = new ArrayList<>();
        awaitAnswersFrom(client, "a", System.currentTimeMillis(), 40_000);
        assertTrue(clientNeighbour(tb, vip).contains(mac(tb, "a")), "client reaches the address at a's MAC");
        settle();

        long t = System.currentTimeMillis();
        vigil[0].kill9();
        long failover = awaitAnswersFrom(client, "b", t, DEADTIME_MS + BOUND_MS + 3000);
        figures.add("kill -9 of a: first answer from b after " + failover + " ms");
        assertTrue(failover <= DEADTIME_MS + BOUND_MS, "IPv6 failover after kill -9 took " + failover + " ms");
        assertTrue(hasAddress(tb, "a", vip), "a's stale address is still there: only the advertisements moved the client");
        assertTrue(clientNeighbour(tb, vip).contains(mac(tb, "b")), "client's neighbour entry: " + clientNeighbour(tb, vip));
        settle();

        t = System.currentTimeMillis();
        vigil[0] = start(tb, "a");
        long failback = awaitAnswersFrom(client, "a", t, 40_000);
        long since = t;
        settle();
        long outage = ClientLog.parse(client.output()).longestOutage(since, System.currentTimeMillis());
        figures.add("return of a: answers from a after " + failback + " ms, longest outage " + outage + " ms");
        assertTrue(outage <= 1000, "IPv6 failback outage " + outage + " ms");
        assertFalse(hasAddress(tb, "b", vip), "b released the address");
        assertTrue(clientNeighbour(tb, vip).contains(mac(tb, "a")), "client's neighbour entry: " + clientNeighbour(tb, vip));
        System.out.println("Ipv6FailoverIT (IPv6addr, keepalive 200 ms, deadtime 2 s, client every 20 ms):\n  "
                + String.join("\n  ", figures));
        for (Testbed.Spawned v : vigil) {
            v.signal("TERM");
        }
    }

    private static boolean hasAddress(Testbed tb, String node, String vip) {
        return tb.exec(node, "ip", "-o", "-6", "addr", "show", "dev", "eth0").out().contains(" " + vip + "/");
    }

    private static String clientNeighbour(Testbed tb, String vip) {
        return tb.exec("client", "ip", "-6", "neigh", "show", vip).out();
    }

    private static String mac(Testbed tb, String node) {
        String link = tb.exec(node, "ip", "-o", "link", "show", "eth0").out();
        int at = link.indexOf("link/ether ");
        assertTrue(at >= 0, link);
        return link.substring(at + 11, at + 28);
    }
}
