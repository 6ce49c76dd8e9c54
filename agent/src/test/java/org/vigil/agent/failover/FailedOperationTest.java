package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.LogLine;

class FailedOperationTest {

    private final FailoverSim sim = FailoverSim.twoNodes(AutoFailback.ON);

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    @Test
    void aFailedStartIsReleasedThenOfferedToThePeerAfterThirtySecondsWithoutPingPong() {
        sim.host("b").failStart.add("ip-b");
        sim.startTogether("a", "b");
        sim.advance(11_000);
        assertEquals(List.of(), sim.placement().get("ip-b"));
        assertTrue(sim.host("b").loggedContaining("Resource group ip-b failed to start"));
        assertEquals(List.of("start ip-b", "stop ip-b"), sim.host("b").ops,
                "the whole group is released, not only what the attempt started");
        sim.advance(25_000);
        assertEquals(List.of(), sim.placement().get("ip-b"), "offered only after 30 s");
        sim.advance(6_000);
        assertEquals(List.of("a"), sim.placement().get("ip-b"));
        assertEquals("local", sim.host("b").sentOfType("ask_resources").get(0).body().string("rsc_hold").orElseThrow());
        sim.advance(120_000);
        assertEquals(List.of("a"), sim.placement().get("ip-b"), "b stays ineligible: no failback ping-pong");
        assertEquals(1, sim.host("b").ops.stream().filter("start ip-b"::equals).count());
    }

    @Test
    void aFailedStopIsNeverHandedOverAndIsReportedLoudly() {
        sim.startTogether("a", "b");
        sim.advance(11_000);
        SimHost a = sim.host("a");
        a.failStop.add("ip-a");
        a.rm.standby(RscHold.LOCAL, sim.now());
        sim.advance(60_000);
        assertEquals(List.of("ip-a"), a.stopFailures);
        assertFalse(sim.host("b").ops.contains("start ip-a"), "never started elsewhere");
        assertFalse(a.sentOfType("ask_resources").stream()
                .anyMatch(s -> s.body().string("info").orElseThrow().equals("done")));
        assertTrue(a.logs.stream().anyMatch(l -> l.severity() == LogLine.Severity.CRIT
                && l.text().startsWith("Resource STOP failure for group ip-a")));
        GroupSnapshot ipA = a.rm.snapshot().groups().get(0);
        assertEquals(GroupState.STOP_FAILED, ipA.state());
        assertEquals("a", ipA.holder().orElseThrow());
        assertTrue(sim.host("b").logged("Standby request from a withdrawn."));
        assertTrue(sim.host("b").rm.snapshot().stable());
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of(), "ip-b", List.of("b")), sim.placement());
    }

    @Test
    void aFailedStopDuringShutdownWithholdsShutdone() {
        sim.startTogether("a", "b");
        sim.advance(11_000);
        SimHost a = sim.host("a");
        a.failStop.add("ip-a");
        a.rm.shutdown(sim.now());
        sim.advance(5_000);
        assertEquals(null, a.exitedWithShutdone, "the peer must not take over a group that may still run");
        assertEquals(List.of("ip-a"), a.stopFailures);
        assertTrue(a.loggedContaining("Shutdown halted"));
    }
}
