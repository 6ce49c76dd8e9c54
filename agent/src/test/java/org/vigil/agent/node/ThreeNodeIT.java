package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.bench.VigilInBed.awaitMore;
import static org.vigil.agent.bench.VigilInBed.count;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.bench.VigilInBed;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * Three Vigil nodes ({@code vigil run}) in the network-namespace test bed, bcast, keepalive
 * 200 ms, deadtime 1 s, sha256: everyone sees everyone active; a kill -9 is detected by both
 * survivors within deadtime + 1.5 s and the restarted node rejoins; a one-node partition is seen
 * from both sides and heals; a graceful stop is noticed at once through {@code shutdone}.
 * Only Vigil talks to Vigil here; interoperation with Heartbeat is HeartbeatInteropIT's job.
 */
class ThreeNodeIT {

    private static final List<String> NODES = List.of("a", "b", "c");
    private static final long DEADTIME_MS = 1000;
    /** Membership ticks every 250 ms and the log is polled every 20 ms; 1.5 s leaves room for a busy machine. */
    private static final long MARGIN_MS = 1500;
    /** A node advertises deadtime + 2 s for its first 5 s: faults only after that. */
    private static final Duration SETTLE = Duration.ofSeconds(6);
    private static final Duration JOIN = Duration.ofSeconds(40);

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
    }

    @Test
    void threeNodes_detectKillPartitionAndShutdown() {
        try (Testbed tb = Testbed.builder().nodes("a", "b", "c").build()) {
            for (String n : NODES) {
                HeartbeatPeer.configure(tb, n, HeartbeatPeer.Config.fast(tb, n, "sha256", "vigil-three-node-key")
                        .withMedia("bcast eth0"));
            }
            Map<String, Testbed.Spawned> vigil = new HashMap<>();
            NODES.forEach(n -> vigil.put(n, VigilInBed.start(tb, n)));
            for (String x : NODES) {
                for (String y : NODES) {
                    if (!x.equals(y)) {
                        awaitMore(tb, x, active(y), 0, JOIN);
                    }
                }
            }

            // kill -9: both survivors declare c dead in time
            VigilInBed.sleepAtLeast(SETTLE);
            int deadA = count(tb, "a", dead("c"));
            int deadB = count(tb, "b", dead("c"));
            long t0 = System.nanoTime();
            vigil.get("c").kill9();
            long seenA = awaitWithin(tb, "a", dead("c"), deadA, t0);
            long seenB = awaitWithin(tb, "b", dead("c"), deadB, t0);

            // restart: c is active for both again, and c sees both
            int activeA = count(tb, "a", active("c"));
            int activeB = count(tb, "b", active("c"));
            int cSeesA = count(tb, "c", active("a"));
            int cSeesB = count(tb, "c", active("b"));
            vigil.put("c", VigilInBed.start(tb, "c"));
            awaitMore(tb, "a", active("c"), activeA, JOIN);
            awaitMore(tb, "b", active("c"), activeB, JOIN);
            awaitMore(tb, "c", active("a"), cSeesA, JOIN);
            awaitMore(tb, "c", active("b"), cSeesB, JOIN);

            // partition of c: each side declares the other dead, then they come back after heal
            VigilInBed.sleepAtLeast(SETTLE);
            int[] before = {count(tb, "a", dead("c")), count(tb, "b", dead("c")), count(tb, "c", dead("a")),
                count(tb, "c", dead("b"))};
            int[] back = {returned(tb, "a", "c"), returned(tb, "b", "c"), returned(tb, "c", "a"), returned(tb, "c", "b")};
            t0 = System.nanoTime();
            tb.partition("c");
            long partA = awaitWithin(tb, "a", dead("c"), before[0], t0);
            long partB = awaitWithin(tb, "b", dead("c"), before[1], t0);
            long partC = Math.max(awaitWithin(tb, "c", dead("a"), before[2], t0), awaitWithin(tb, "c", dead("b"), before[3], t0));
            tb.heal("c");
            awaitReturn(tb, "a", "c", back[0]);
            awaitReturn(tb, "b", "c", back[1]);
            awaitReturn(tb, "c", "a", back[2]);
            awaitReturn(tb, "c", "b", back[3]);

            // graceful stop: shutdone reaches both at once, well before a deadtime would pass
            int noticeA = count(tb, "a", notice("c"));
            int noticeB = count(tb, "b", notice("c"));
            t0 = System.nanoTime();
            vigil.get("c").signal("TERM");
            awaitMore(tb, "a", notice("c"), noticeA, Duration.ofSeconds(5));
            awaitMore(tb, "b", notice("c"), noticeB, Duration.ofSeconds(5));
            long shutdown = elapsedMs(t0);
            assertTrue(shutdown < DEADTIME_MS, "shutdown noticed after " + shutdown + " ms: that is a timeout, not the notice");
            assertEquals(0, vigil.get("c").waitFor(Duration.ofSeconds(10)), "vigil run exits 0 after SIGTERM:\n"
                    + vigil.get("c").output());
            System.out.printf("three nodes: kill -9 seen by a after %d ms, b after %d ms; partition seen by a %d ms,"
                    + " b %d ms, c %d ms; shutdown notice after %d ms%n", seenA, seenB, partA, partB, partC, shutdown);
        }
    }

    /** Waits for one more {@code line} in the node's log and checks it came within deadtime + margin of t0. */
    private static long awaitWithin(Testbed tb, String node, String line, int before, long t0) {
        awaitMore(tb, node, line, before, Duration.ofSeconds(10));
        long ms = elapsedMs(t0);
        assertTrue(ms <= DEADTIME_MS + MARGIN_MS, node + " logged [" + line + "] after " + ms + " ms:\n"
                + VigilInBed.log(tb, node));
        return ms;
    }

    /**
     * After a heal the node logs Heartbeat's {@code Cluster node X returning after partition.};
     * a status line back to active is accepted too, since either proves the peer is back.
     */
    private static int returned(Testbed tb, String node, String peer) {
        String log = VigilInBed.log(tb, node);
        return count(log, "Cluster node " + peer + " returning after partition") + count(log, active(peer));
    }

    private static void awaitReturn(Testbed tb, String node, String peer, int before) {
        Poll.until(node + " to see " + peer + " return after the partition", Duration.ofSeconds(15), Duration.ofMillis(50),
                () -> returned(tb, node, peer) > before);
    }

    private static String active(String node) {
        return "Status update for node " + node + ": status active";
    }

    private static String dead(String node) {
        return "node " + node + ": is dead";
    }

    private static String notice(String node) {
        return "Received shutdown notice from '" + node + "'";
    }

    private static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
