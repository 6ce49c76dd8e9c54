package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;

class ColdStartTest {

    private final FailoverSim sim = FailoverSim.twoNodes(AutoFailback.ON);

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    @Test
    void bothStartingTogetherWaitTheTenSecondFallbackThenTakeTheirOwn() {
        sim.startTogether("a", "b");
        sim.advance(9_500);
        assertEquals(Map.of("ip-a", List.of(), "web-a", List.of(), "ip-b", List.of()), sim.placement(),
                "neither side is stable: nothing starts before RQSTDELAY");
        sim.advance(1_000);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        for (String n : List.of("a", "b")) {
            SimHost h = sim.host(n);
            assertTrue(h.logged("local resource transition completed."));
            assertTrue(h.logged("Initial resource acquisition complete (T_RESOURCES(us))"));
            assertEquals("starting", h.sent.get(0).type());
            assertTrue(h.rm.snapshot().stable());
        }
        assertEquals(List.of("start ip-a", "start web-a"), sim.host("a").ops, "left to right, one at a time");
    }

    @Test
    void answersStartingWithWhatItHoldsAndNotStable() {
        sim.startTogether("a", "b");
        sim.advance(50);
        SimHost.Sent reply = sim.host("b").sentOfType("resource").get(0);
        assertEquals("none", reply.body().string("rsc_hold").orElseThrow());
        assertEquals("full", reply.body().string("rtype").orElseThrow());
        assertEquals("0", reply.body().string("isstable").orElseThrow());
    }

    @Test
    void aNodeStartingAloneTakesEverythingAtCommUp() {
        sim.startTogether("a");
        sim.advance(1_000);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("a")), sim.placement());
        SimHost a = sim.host("a");
        assertTrue(a.logged("No STONITH device configured."));
        assertTrue(a.logged("Shared disks are not protected."));
        assertTrue(a.logged("Resources being acquired from b."));
        assertTrue(a.logged("mach_down takeover complete for node b."));
        assertEquals("n_stnth", a.sentOfType("stonith").get(0).body().string("result").orElseThrow());
    }

    @Test
    void aNodeJoiningAStablePeerTakesOnlyWhatThePeerDoesNotHold() {
        // b joins a cluster where a is stable and holds everything (auto_failback off here: nothing moves).
        FailoverSim off = FailoverSim.twoNodes(AutoFailback.OFF);
        off.startTogether("a");
        off.advance(1_000);
        off.startTogether("b");
        off.advance(500);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("a")), off.placement());
        assertTrue(off.host("b").logged("Local Resource acquisition completed. (none)"));
        assertTrue(off.host("b").logged("Initial resource acquisition complete (T_RESOURCES(them))"));
        off.advance(60_000);
        assertEquals(List.of("a"), off.placement().get("ip-b"), "auto_failback off: groups stay");
        off.assertInvariant();
    }

    @Test
    void theSnapshotShowsPreferredNodeHolderAndState() {
        sim.startTogether("a", "b");
        sim.advance(10_050);
        ResourceSnapshot during = sim.host("a").rm.snapshot();
        assertEquals(GroupState.STARTING, during.groups().get(0).state());
        assertEquals("acquiring", during.phase());
        assertEquals(false, during.stable());
        sim.advance(1_000);
        ResourceSnapshot snap = sim.host("a").rm.snapshot();
        assertEquals("a", snap.localNode());
        assertEquals(RscHold.LOCAL, snap.held());
        GroupSnapshot ipB = snap.groups().get(2);
        assertEquals("ip-b", ipB.key());
        assertEquals("b", ipB.preferredNode());
        assertEquals("b", ipB.holder().orElseThrow(), "from b's rsc_hold=local");
        assertEquals(GroupState.STOPPED, ipB.state());
        assertEquals(GroupState.STARTED, snap.groups().get(0).state());
        assertTrue(snap.groups().get(0).lastChange() - sim.now() < 0);
    }
}
