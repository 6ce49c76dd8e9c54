package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;

class FailbackTest {

    private FailoverSim sim;

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    /** a and b up with their own groups, then a dies and b takes everything, then a boots again. */
    private void aDiesAndReturns(AutoFailback mode) {
        sim = FailoverSim.twoNodes(mode);
        sim.startTogether("a", "b");
        sim.advance(11_000);
        sim.powerOff("a");
        sim.advance(5_000);
        sim.declareDead("a");
        sim.advance(1_000);
        assertEquals(Map.of("ip-a", List.of("b"), "web-a", List.of("b"), "ip-b", List.of("b")), sim.placement());
        sim.timeline.clear();
        sim.hosts.values().forEach(h -> h.sent.clear());
        sim.startTogether("a");
    }

    @Test
    void autoFailbackOnReturnsGroupsThroughStandbyMakeBeforeBreak() {
        aDiesAndReturns(AutoFailback.ON);
        sim.advance(2_000);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        for (String key : List.of("ip-a", "web-a")) {
            int stopped = sim.timeline.indexOf(find("b stop-end " + key));
            int started = sim.timeline.indexOf(find("a start-begin " + key));
            assertTrue(stopped >= 0 && started > stopped, "b's stop of " + key + " completes before a's start: "
                    + sim.timeline);
        }
        SimHost a = sim.host("a");
        SimHost b = sim.host("b");
        assertTrue(a.logged("Initial resource acquisition complete (T_RESOURCES(them))"), "no 10 s wait: P7");
        assertTrue(a.logged("b wants to go standby [foreign]"));
        assertTrue(b.logged("standby: a can take our foreign resources"));
        assertTrue(b.logged("Local standby process completed [foreign]."));
        assertTrue(a.logged("standby: acquire [foreign] resources from b"));
        assertTrue(a.logged("Standby resource acquisition done [foreign]."));
        assertTrue(b.logged("Other node completed standby takeover of foreign resources."));
        List<String> asks = b.sentOfType("ask_resources").stream()
                .map(s -> s.body().string("info").orElseThrow()).toList();
        assertEquals(List.of("me", "done"), asks);
        assertEquals(List.of("other", "done"), a.sentOfType("ask_resources").stream()
                .map(s -> s.body().string("info").orElseThrow()).toList());
        assertTrue(a.rm.snapshot().stable() && b.rm.snapshot().stable());
    }

    private String find(String suffix) {
        return sim.timeline.stream().filter(l -> l.endsWith(suffix)).findFirst().orElse("missing " + suffix);
    }

    @Test
    void autoFailbackOffLeavesGroupsWhereTheyAre() {
        aDiesAndReturns(AutoFailback.OFF);
        sim.advance(60_000);
        assertEquals(Map.of("ip-a", List.of("b"), "web-a", List.of("b"), "ip-b", List.of("b")), sim.placement());
        assertTrue(sim.host("b").sentOfType("ask_resources").isEmpty());
    }

    @Test
    void legacyAsksForEachGroupWithIpRequest() {
        aDiesAndReturns(AutoFailback.LEGACY);
        assertTrue(sim.host("a").sentOfType("starting").isEmpty(), "legacy sends no starting/resource");
        sim.advance(2_000);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        assertEquals(List.of("ip-a", "web-a"), sim.host("a").sentOfType("ip-request").stream()
                .map(s -> s.body().string("ipaddr").orElseThrow()).toList());
        SimHost.Sent resp = sim.host("b").sentOfType("ip-request-resp").get(0);
        assertEquals("a", resp.dest().orElseThrow());
        assertEquals("yes", resp.body().string("weown").orElseThrow());
        assertEquals("OK", resp.body().string("ok").orElseThrow());
        int stopped = sim.timeline.indexOf(find("b stop-end ip-a"));
        assertTrue(stopped >= 0 && sim.timeline.indexOf(find("a start-begin ip-a")) > stopped);
    }

    @Test
    void legacyRefusesStandby() {
        sim = FailoverSim.twoNodes(AutoFailback.LEGACY);
        sim.startTogether("a", "b");
        sim.advance(1_000);
        sim.host("a").rm.standby(RscHold.ALL, sim.now());
        sim.advance(5_000);
        assertTrue(sim.host("a").logged("Standby mode only implemented when nice_failback on"));
        assertEquals(List.of("a"), sim.placement().get("ip-a"));
    }

    @Test
    void operatorStandbyAndTakeoverInBothDirections() {
        sim = FailoverSim.twoNodes(AutoFailback.OFF);
        sim.startTogether("a", "b");
        sim.advance(11_000);
        sim.host("a").rm.standby(RscHold.ALL, sim.now());
        sim.advance(2_000);
        assertEquals(Map.of("ip-a", List.of("b"), "web-a", List.of("b"), "ip-b", List.of("b")), sim.placement());
        assertTrue(sim.host("b").logged("a wants to go standby [all]"));

        // hb_takeover local on a: b runs standby with the mirror (foreign, from b's view).
        sim.host("a").rm.takeover(RscHold.LOCAL, sim.now());
        sim.advance(2_000);
        assertEquals("local", sim.host("a").sentOfType("hb_takeover").get(0).body().string("rsc_hold").orElseThrow());
        assertTrue(sim.host("a").logged("b wants to go standby [foreign]"));
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());

        sim.host("b").rm.standby(RscHold.LOCAL, sim.now());
        sim.advance(2_000);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("a")), sim.placement());
    }

    @Test
    void aStandbyRequestWithoutReplyIsCancelledAfterTenSeconds() {
        sim = FailoverSim.twoNodes(AutoFailback.OFF);
        sim.startTogether("a", "b");
        sim.advance(11_000);
        sim.cut("a", "b"); // messages are lost, membership has not noticed yet
        sim.host("a").rm.standby(RscHold.ALL, sim.now());
        sim.advance(9_000);
        assertFalse(sim.host("a").logged("No reply to standby request.  Standby request cancelled."));
        sim.advance(1_500);
        assertTrue(sim.host("a").logged("No reply to standby request.  Standby request cancelled."));
        assertEquals(List.of("a"), sim.placement().get("ip-a"));
        assertTrue(sim.host("a").rm.snapshot().stable());
        sim.partitionExpected = false;
    }

    @Test
    void standbyIsRefusedWhileTheOtherSideIsInFlux() {
        sim = FailoverSim.twoNodes(AutoFailback.OFF);
        sim.startTogether("a", "b");
        sim.advance(500); // both still in the initial 10 s phase
        sim.host("a").rm.standby(RscHold.ALL, sim.now());
        assertTrue(sim.host("a").loggedContaining("not sent: resources are in flux"));
        assertTrue(sim.host("a").sentOfType("ask_resources").isEmpty());
    }

    @Test
    void legacyGracefulShutdownIsTakenOverAtOnceWithoutResourceMessages() {
        sim = FailoverSim.twoNodes(AutoFailback.LEGACY);
        sim.startTogether("a", "b");
        sim.advance(2_000);
        sim.hosts.values().forEach(h -> h.sent.clear());
        sim.host("b").rm.shutdown(sim.now());
        sim.advance(500);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("a")), sim.placement());
        assertTrue(sim.host("b").sentOfType("resource").isEmpty() && sim.host("a").sentOfType("resource").isEmpty());
        assertFalse(sim.host("a").logged("No STONITH device configured."));
    }
}
