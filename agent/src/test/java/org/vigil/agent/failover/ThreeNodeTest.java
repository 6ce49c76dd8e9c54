package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;

class ThreeNodeTest {

    private final FailoverSim sim = new FailoverSim(List.of("a", "b", "c"), List.of(FailoverSim.group("ip-a", "a"),
            FailoverSim.group("ip-b", "b"), FailoverSim.group("ip-c", "c")), AutoFailback.OFF, false, List.of());

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    private void allUp() {
        sim.startTogether("a", "b", "c");
        sim.advance(11_000);
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("b"), "ip-c", List.of("c")), sim.placement());
    }

    @Test
    void aDeadNodesGroupGoesToTheFirstAliveNodeInHaCfOrder() {
        allUp();
        sim.powerOff("b");
        sim.advance(5_000);
        sim.declareDead("b");
        sim.advance(1_000);
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("a"), "ip-c", List.of("c")), sim.placement());
    }

    @Test
    void anIneligibleNodeIsSkippedAndEveryNodeAgrees() {
        allUp();
        sim.host("a").rm.setIneligible("ip-b", OptionalLong.empty(), sim.now());
        sim.advance(100); // the eligibility update reaches c
        sim.powerOff("b");
        sim.advance(5_000);
        sim.declareDead("b");
        sim.advance(1_000);
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("c"), "ip-c", List.of("c")), sim.placement());
    }

    @Test
    void twoDeathsLeaveEverythingOnTheLastNode() {
        allUp();
        sim.powerOff("a");
        sim.advance(5_000);
        sim.declareDead("a");
        sim.advance(1_000);
        assertEquals(Map.of("ip-a", List.of("b"), "ip-b", List.of("b"), "ip-c", List.of("c")), sim.placement());
        sim.powerOff("b");
        sim.advance(5_000);
        sim.declareDead("b");
        sim.advance(1_000);
        assertEquals(Map.of("ip-a", List.of("c"), "ip-b", List.of("c"), "ip-c", List.of("c")), sim.placement());
    }
}
