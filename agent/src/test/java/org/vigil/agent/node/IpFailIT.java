package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * Built-in ipfail (HB§6) with real ICMP: the client namespace is both the web client and the
 * single ping node. Heartbeats between a and b keep flowing throughout; only the ICMP path to the
 * ping node is cut with nftables.
 * <ol>
 * <li>a alone loses the ping node: a gives up everything through standby, the VIP moves to b.
 * <li>a reaches the ping node again: counts are equal, and with {@code auto_failback on} b hands
 *     the group back to its preferred node a (HB§6: "equal ... with auto_failback on gives up
 *     foreign").
 * <li>the ping node stops answering both nodes, then answers again: counts stay equal on both
 *     sides, nothing moves.
 * </ol>
 */
class IpFailIT {

    /** deadping defaults to deadtime (2 s). */
    private static final long DEADPING_MS = 2000;
    /** Detection tick, count exchange, a's stop and b's start (ip addr + ARP), the 20 ms probe. */
    private static final long BOUND_MS = 1500;
    /** Long enough for a give-up (2 x keepalive) and a standby exchange to show at the client. */
    private static final long QUIET_WINDOW_MS = 4000;

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        Testbed.assumeCommands("python3", "arping", "nft");
    }

    @Test
    void groupFollowsTheNodeThatReachesMorePingNodes() {
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().build()) {
            VipPair pair = new VipPair(tb);
            String pingNode = tb.node("client").address();
            pair.configure("ping " + pingNode + "\nauto_failback on\n");
            pair.startWebServers();
            Testbed.Spawned[] agents = {FailoverIT.start(tb, "a"), FailoverIT.start(tb, "b")};
            try {
                scenario(tb, pair, pingNode);
            } catch (AssertionError | RuntimeException e) {
                System.out.println(pair.diagnostics(agents));
                throw e;
            }
        }
    }

    private void scenario(Testbed tb, VipPair pair, String pingNode) {
        Testbed.Spawned client = pair.startClient();
        FailoverIT.awaitAnswersFrom(client, "a", System.currentTimeMillis(), 40_000);
        FailoverIT.settle();
        List<String> figures = new ArrayList<>();
        figures.add(aLosesThePingNode(tb, pair, client, pingNode));
        figures.add(aReachesThePingNodeAgain(tb, pair, client));
        figures.add(bothLoseAndRegainThePingNode(tb, pair, client, pingNode));
        System.out.println("IpFailIT (keepalive 200 ms, deadping 2 s, auto_failback on, client every 20 ms):\n  "
                + String.join("\n  ", figures));
    }

    /** a reaches fewer ping nodes than b: it gives up all through standby, b takes the VIP. */
    private String aLosesThePingNode(Testbed tb, VipPair pair, Testbed.Spawned client, String pingNode) {
        long t = System.currentTimeMillis();
        nft(tb, "a", "table ip vigil_ipfail {\n"
                + "  chain in { type filter hook input priority 0; ip saddr " + pingNode + " ip protocol icmp drop; }\n"
                + "  chain out { type filter hook output priority 0; ip daddr " + pingNode + " ip protocol icmp drop; }\n"
                + "}\n");
        long moved = FailoverIT.awaitAnswersFrom(client, "b", t, DEADPING_MS + BOUND_MS + 5000);
        assertTrue(moved >= DEADPING_MS - 200, "moved only after deadping: " + moved + " ms");
        assertTrue(moved <= DEADPING_MS + BOUND_MS, "ipfail move took " + moved + " ms");
        Poll.until("a to release the VIP", Duration.ofSeconds(5), Duration.ofMillis(50), () -> !pair.vipOn("a"));
        assertTrue(pair.vipOn("b"), "b holds the VIP");
        assertEquals(1, pair.countInLog("a", "standby: b can take our all resources"), "a gave up all through standby");
        FailoverIT.settle();
        assertOnlyAnswers(client, "b");
        return "a loses the ping node: answers from b after " + moved + " ms";
    }

    /** Equal counts again: with auto_failback on, b hands the group back to its preferred node. */
    private String aReachesThePingNodeAgain(Testbed tb, VipPair pair, Testbed.Spawned client) {
        long t = System.currentTimeMillis();
        tb.exec("a", "nft", "delete", "table", "ip", "vigil_ipfail").orThrow();
        long back = FailoverIT.awaitAnswersFrom(client, "a", t, 20_000);
        FailoverIT.settle();
        long outage = ClientLog.parse(client.output()).longestOutage(t, System.currentTimeMillis());
        assertTrue(back <= 5000, "failback after the ping node came back took " + back + " ms");
        assertTrue(outage <= 1000, "failback outage " + outage + " ms");
        assertOnlyAnswers(client, "a");
        assertFalse(pair.vipOn("b"), "b released the VIP");
        return "a reaches the ping node again: answers from a after " + back + " ms, longest outage " + outage + " ms";
    }

    /** The ping node stops answering both nodes, then answers again: counts stay equal, nothing moves. */
    private String bothLoseAndRegainThePingNode(Testbed tb, VipPair pair, Testbed.Spawned client, String pingNode) {
        String dead = "node " + pingNode + ": is dead";
        String back = "Status update for node " + pingNode + ": status ping";
        int deathsA = pair.countInLog("a", dead);
        int deathsB = pair.countInLog("b", dead);
        long t = System.currentTimeMillis();
        nft(tb, "client", "table ip vigil_ipfail {\n"
                + "  chain in { type filter hook input priority 0; icmp type echo-request drop; }\n"
                + "}\n");
        Poll.until("both nodes to declare the ping node dead", Duration.ofSeconds(15), Duration.ofMillis(50),
                () -> pair.countInLog("a", dead) > deathsA && pair.countInLog("b", dead) > deathsB);
        FailoverIT.sleep(QUIET_WINDOW_MS);
        int returnsA = pair.countInLog("a", back);
        int returnsB = pair.countInLog("b", back);
        tb.exec("client", "nft", "delete", "table", "ip", "vigil_ipfail").orThrow();
        Poll.until("both nodes to see the ping node again", Duration.ofSeconds(10), Duration.ofMillis(50),
                () -> pair.countInLog("a", back) > returnsA && pair.countInLog("b", back) > returnsB);
        FailoverIT.sleep(QUIET_WINDOW_MS);
        long end = System.currentTimeMillis();
        ClientLog log = ClientLog.parse(client.output());
        assertEquals(List.of("a"), log.answeredBy(t, end), "only a answered while both lost and regained the ping node");
        assertEquals(0, log.answers().stream().filter(x -> x.sentMs() >= t && x.sentMs() <= end - 600 && !x.ok())
                .count(), "no failed request");
        assertTrue(pair.vipOn("a") && !pair.vipOn("b"), "the VIP stayed on a");
        return "ping node lost and regained by both: only a answered, for " + (end - t) + " ms";
    }

    /** Loads an nftables ruleset into a node's (or the client's) network namespace. */
    private static void nft(Testbed tb, String node, String rules) {
        try {
            Path file = Files.createTempFile(tb.runDir(), "nft-" + node + "-", ".rules");
            Files.writeString(file, rules);
            tb.exec(node, "nft", "-f", file.toString()).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOnlyAnswers(Testbed.Spawned client, String node) {
        long now = System.currentTimeMillis();
        assertEquals(List.of(node), ClientLog.parse(client.output()).answeredBy(now - 1500, now), "the last 1.5 s");
    }
}
