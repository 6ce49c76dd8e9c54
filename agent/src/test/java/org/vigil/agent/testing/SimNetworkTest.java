package org.vigil.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.Heartbeat;
import org.vigil.agent.time.FakeTicker;

class SimNetworkTest {

    private final ManualScheduler scheduler = new ManualScheduler(new FakeTicker());
    private final List<String> got = new ArrayList<>();

    private SimNetwork net(FaultPlan plan, String... nodes) {
        SimNetwork n = new SimNetwork(scheduler, 42, plan);
        for (String node : nodes) {
            n.attach(node, "eth0", m -> got.add(node + "<" + m.src() + ":" + m.seq()));
        }
        return n;
    }

    private static Heartbeat hb(String src, long seq) {
        return Heartbeat.status(src, "eth0", seq, 1, 10_000, "up");
    }

    @Test
    void broadcastsToOthersOnTheLink_afterTheDelay() {
        SimNetwork n = net(FaultPlan.perfect().delay(Duration.ofMillis(5), Duration.ZERO), "a", "b", "c");
        n.send("a", "eth0", hb("a", 1));
        scheduler.advance(Duration.ofMillis(4));
        assertTrue(got.isEmpty());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("b<a:1", "c<a:1"), got);
    }

    @Test
    void dropRate_isHonouredStatistically() {
        SimNetwork n = net(FaultPlan.perfect().dropRate(0.2), "a", "b");
        for (int i = 1; i <= 10_000; i++) {
            n.send("a", "eth0", hb("a", i));
        }
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(10_000, n.sent());
        assertTrue(Math.abs(n.dropped() - 2000) < 200, "dropped " + n.dropped());
        assertEquals(n.sent() - n.dropped(), got.size());
    }

    @Test
    void cutsArePerDirection_partitionsSplitGroups() {
        FaultPlan plan = FaultPlan.perfect().cut("a", "b", null);
        SimNetwork n = net(plan, "a", "b", "c");
        n.send("a", "eth0", hb("a", 1));
        n.send("b", "eth0", hb("b", 1));
        plan.restoreAllCuts().partition(Set.of("a"), Set.of("b", "c"));
        n.send("c", "eth0", hb("c", 1));
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("c<a:1", "a<b:1", "c<b:1", "b<c:1"), got);
    }

    @Test
    void duplicatesAndReorder() {
        SimNetwork n = net(FaultPlan.perfect().duplicateRate(1.0), "a", "b");
        n.send("a", "eth0", hb("a", 1));
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("b<a:1", "b<a:1"), got);
        got.clear();
        SimNetwork r = new SimNetwork(scheduler, 3, FaultPlan.perfect().reorder(0.5, Duration.ofSeconds(2)));
        r.attach("b", "eth0", m -> got.add(String.valueOf(m.seq())));
        r.attach("a", "eth0", m -> { });
        for (int i = 1; i <= 50; i++) {
            r.send("a", "eth0", hb("a", i));
            scheduler.advance(Duration.ofMillis(100));
        }
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(50, got.size());
        List<String> sorted = got.stream().sorted((x, y) -> Integer.parseInt(x) - Integer.parseInt(y)).toList();
        assertTrue(!sorted.equals(got), "some messages overtaken");
    }
}
