package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;

class MaintenanceTest {

    private final FailoverSim sim = FailoverSim.twoNodes(AutoFailback.ON);

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    private void upThenMaintenanceOnA() {
        sim.startTogether("a", "b");
        sim.advance(11_000);
        sim.host("a").ops.clear();
        sim.host("a").rm.setMaintenance(true, sim.now());
    }

    @Test
    void inMaintenanceADeadPeersGroupsAreLeftAloneUntilItEnds() {
        upThenMaintenanceOnA();
        sim.powerOff("b");
        sim.advance(5_000);
        sim.declareDead("b");
        sim.advance(30_000);
        assertEquals(List.of(), sim.host("a").ops, "touch nothing");
        assertTrue(sim.host("a").rm.snapshot().maintenance());
        sim.host("a").rm.setMaintenance(false, sim.now());
        sim.advance(500);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("a")), sim.placement());
    }

    @Test
    void inMaintenanceTheProtocolIsStillAnsweredWithWhatWeHold() {
        upThenMaintenanceOnA();
        sim.powerOff("b");
        sim.advance(5_000);
        sim.declareDead("b");
        sim.advance(1_000);
        sim.startTogether("b"); // b returns: a answers starting, holding its local groups
        sim.advance(1_000);
        SimHost.Sent reply = sim.host("a").sentOfType("resource").get(sim.host("a").sentOfType("resource").size() - 1);
        assertEquals("local", reply.body().string("rsc_hold").orElseThrow());
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        sim.host("a").rm.standby(RscHold.ALL, sim.now());
        sim.advance(2_000);
        assertTrue(sim.host("a").loggedContaining("maintenance mode is on"));
        assertEquals(List.of(), sim.host("a").ops);
    }

    @Test
    void shutdownInMaintenanceLeavesResourcesRunningAndSendsNoShutdone() {
        upThenMaintenanceOnA();
        sim.host("a").rm.shutdown(sim.now());
        sim.advance(1_000);
        assertEquals(Boolean.FALSE, sim.host("a").exitedWithShutdone);
        assertEquals(List.of(), sim.host("a").ops);
        sim.host("a").exec.clear(); // the test ends here: b would see a die and take over
    }
}
