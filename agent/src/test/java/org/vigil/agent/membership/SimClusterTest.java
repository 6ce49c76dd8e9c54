package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.MembershipEvent.NodeStatusChanged;
import org.vigil.agent.testing.FaultPlan;
import org.vigil.agent.testing.SimCluster;
import org.vigil.agent.testing.SimNode;

/** Whole-cluster scenarios on the simulated network and the fake clock. */
@Tag("sim")
class SimClusterTest {

    private static final long MS = 1_000_000L;

    static List<Long> deathTimes(SimNode observer, String node) {
        return observer.timedEvents().stream()
                .filter(t -> t.event() instanceof NodeStatusChanged c && c.node().equals(node)
                        && c.to() == NodeStatus.DEAD)
                .map(SimNode.Timed::at).toList();
    }

    static void assertAllActive(SimCluster c) {
        for (SimNode n : c.nodes()) {
            assertEquals(NodeStatus.ACTIVE, n.membership().localStatus(), n.name());
            for (SimNode o : c.nodes()) {
                if (o != n) {
                    assertEquals(NodeStatus.ACTIVE, n.statusOf(o.name()), n.name() + " sees " + o.name());
                }
            }
        }
    }

    @Test
    void twoNodes_startTogether_bothActiveWithinSeconds() {
        SimCluster c = SimCluster.builder().seed(11).build();
        c.startAll();
        c.runFor(Duration.ofSeconds(3));
        assertAllActive(c);
        List<String> b = c.node("a").logTexts();
        assertTrue(b.contains("Status update for node b: status active"), b.toString());
        assertTrue(b.contains("Link b:eth0 up."));
    }

    @Test
    void crash_isDetectedAfterDeadtime_notBefore_withinOneTick() {
        SimCluster c = SimCluster.builder().seed(12).build();
        Map<String, Long> lastFromB = new HashMap<>();
        c.network().addObserver(d -> {
            if (d.from().equals("b")) {
                lastFromB.put(d.to(), d.at());
            }
        });
        c.startAll();
        c.runFor(Duration.ofSeconds(30));
        c.node("b").crash();
        c.runFor(Duration.ofSeconds(15));
        List<Long> deaths = deathTimes(c.node("a"), "b");
        assertEquals(1, deaths.size());
        long silence = deaths.get(0) - lastFromB.get("a");
        assertTrue(silence > 10_000 * MS, "declared dead after only " + silence / MS + " ms");
        assertTrue(silence <= 10_250 * MS, "declared dead " + silence / MS + " ms after the last packet");
    }

    @Test
    void oneLinkCut_nodeStaysActive_linkDiesAndReturns() {
        SimCluster c = SimCluster.builder().links("eth0", "eth1").seed(13).build();
        c.startAll();
        c.runFor(Duration.ofSeconds(10));
        c.plan().cutBoth("a", "b", "eth1");
        c.runFor(Duration.ofSeconds(20));
        assertEquals(NodeStatus.ACTIVE, c.node("a").statusOf("b"));
        assertTrue(c.node("a").logTexts().contains("Link b:eth1 dead."));
        assertTrue(c.node("b").logTexts().contains("Link a:eth1 dead."));
        c.plan().restoreAllCuts();
        c.runFor(Duration.ofSeconds(2));
        List<String> log = c.node("a").logTexts();
        assertEquals("Link b:eth1 up.", log.get(log.size() - 1));
        assertTrue(deathTimes(c.node("a"), "b").isEmpty());
    }

    @Test
    void oneWayCut_onlyTheDeafSideDeclaresDeath() {
        SimCluster c = SimCluster.builder().seed(14).build();
        c.startAll();
        c.runFor(Duration.ofSeconds(10));
        c.plan().cut("b", "a", null);
        c.runFor(Duration.ofSeconds(15));
        assertEquals(NodeStatus.DEAD, c.node("a").statusOf("b"));
        assertEquals(NodeStatus.ACTIVE, c.node("b").statusOf("a"));
    }

    @Test
    void partition_bothSidesSeeTheOtherDead_thenHealIsReportedEverywhere() {
        SimCluster c = SimCluster.builder().nodes("a", "b", "c", "d").seed(15).build();
        c.startAll();
        c.runFor(Duration.ofSeconds(25));
        assertAllActive(c);
        c.plan().partition(Set.of("a", "b"), Set.of("c", "d"));
        c.runFor(Duration.ofSeconds(15));
        for (String[] pair : new String[][] {{"a", "c"}, {"a", "d"}, {"b", "c"}, {"d", "b"}}) {
            assertEquals(NodeStatus.DEAD, c.node(pair[0]).statusOf(pair[1]));
            assertEquals(NodeStatus.DEAD, c.node(pair[1]).statusOf(pair[0]));
        }
        assertEquals(NodeStatus.ACTIVE, c.node("a").statusOf("b"));
        assertEquals(NodeStatus.ACTIVE, c.node("c").statusOf("d"));
        c.plan().heal();
        c.runFor(Duration.ofSeconds(2));
        assertAllActive(c);
        for (SimNode n : c.nodes()) {
            List<MembershipEvent.PartitionHealed> heals = n.events(MembershipEvent.PartitionHealed.class);
            assertEquals(2, heals.size(), n.name() + " " + heals);
            assertTrue(n.logTexts().stream().anyMatch(l -> l.endsWith("returning after partition.")));
        }
    }

    @Test
    void shutdone_peerDeclaresDeathAtOnce_notAfterDeadtime() {
        SimCluster c = SimCluster.builder().seed(16).build();
        c.startAll();
        c.runFor(Duration.ofSeconds(20));
        long t = c.ticker().nanoTime();
        c.node("b").shutdown();
        c.runFor(Duration.ofSeconds(1));
        List<Long> deaths = deathTimes(c.node("a"), "b");
        assertEquals(1, deaths.size());
        assertTrue(deaths.get(0) - t < 10 * MS); // one network delay, not a dead time
        assertTrue(c.node("a").logTexts().contains("Received shutdown notice from 'b'."));
    }

    @Test
    void quickRestart_isARestart_neverADeath() {
        SimCluster c = SimCluster.builder().seed(17).build();
        c.startAll();
        c.runFor(Duration.ofSeconds(20));
        c.node("b").crash();
        c.runFor(Duration.ofSeconds(3));
        c.node("b").restart();
        c.runFor(Duration.ofSeconds(5));
        SimNode a = c.node("a");
        assertEquals(1, a.events(MembershipEvent.NodeRestarted.class).size());
        assertTrue(a.logTexts().contains("Heartbeat restart on node b"));
        assertTrue(deathTimes(a, "b").isEmpty());
        assertAllActive(c);
    }

    @Test
    void eightNodes_twoLinks_lossy_allActive_thenCrashAndRestart() {
        SimCluster c = SimCluster.builder().nodeCount(8).links("eth0", "eth1").seed(18)
                .faults(FaultPlan.perfect().dropRate(0.05).delay(Duration.ofMillis(1), Duration.ofMillis(20)))
                .build();
        c.startAll();
        c.runFor(Duration.ofHours(1));
        assertAllActive(c);
        for (SimNode n : c.nodes()) {
            assertEquals(0, n.events(NodeStatusChanged.class).stream()
                    .filter(e -> e.to() == NodeStatus.DEAD).count(), n.name());
        }
        c.node("n8").crash();
        c.runFor(Duration.ofSeconds(11));
        for (SimNode n : c.nodes().subList(0, 7)) {
            assertEquals(NodeStatus.DEAD, n.statusOf("n8"), n.name());
        }
        c.node("n8").restart();
        c.runFor(Duration.ofSeconds(3));
        assertAllActive(c);
    }

    @Test
    void sameSeed_sameHistory() {
        assertEquals(lossyRunLog(99), lossyRunLog(99));
    }

    private static List<String> lossyRunLog(long seed) {
        SimCluster c = SimCluster.builder().nodes("a", "b", "c").seed(seed)
                .faults(FaultPlan.perfect().dropRate(0.4).duplicateRate(0.1)
                        .delay(Duration.ofMillis(1), Duration.ofMillis(300)))
                .build();
        c.startAll();
        c.runFor(Duration.ofMinutes(10));
        return c.nodes().stream().flatMap(n -> n.logTexts().stream().map(l -> n.name() + " " + l)).toList();
    }
}
