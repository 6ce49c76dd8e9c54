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

class NodeDeathTest {

    private FailoverSim sim = FailoverSim.twoNodes(AutoFailback.ON);

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    private void clusterUp(boolean stonith) {
        sim = new FailoverSim(List.of("a", "b"), List.of(FailoverSim.group("ip-a", "a"),
                FailoverSim.group("web-a", "a"), FailoverSim.group("ip-b", "b")), AutoFailback.ON, stonith, List.of());
        sim.startTogether("a", "b");
        sim.advance(11_000);
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
    }

    @Test
    void withoutStonithTheSurvivorWarnsAndTakesTheDeadNodesGroups() {
        clusterUp(false);
        sim.powerOff("b");
        sim.advance(5_000); // deadtime
        sim.declareDead("b");
        sim.advance(500);
        assertEquals(List.of("a"), sim.placement().get("ip-b"));
        SimHost a = sim.host("a");
        List<String> lines = a.logs.stream().map(LogLine::text).toList();
        int warn = lines.indexOf("No STONITH device configured.");
        assertTrue(warn >= 0 && lines.get(warn + 1).equals("Shared disks are not protected."));
        assertTrue(lines.indexOf("Resources being acquired from b.") > warn);
        assertTrue(lines.indexOf("mach_down takeover complete for node b.")
                > lines.indexOf("Resources being acquired from b."));
        assertEquals("n_stnth", a.sentOfType("stonith").get(0).body().string("result").orElseThrow());
        List<SimHost.Sent> res = a.sentOfType("resource");
        assertEquals("req_our_resources()", res.get(res.size() - 2).body().string("info").orElseThrow());
        assertEquals("mach_down", res.get(res.size() - 1).body().string("info").orElseThrow());
    }

    @Test
    void withStonithTheDeadNodeIsFencedBeforeTakeover() {
        clusterUp(true);
        sim.host("b").up = false; // kill -9: the process is gone, its groups still run (P1)
        sim.partitionExpected = true;
        sim.advance(5_000);
        sim.declareDead("b");
        SimHost a = sim.host("a");
        assertEquals(List.of("b"), a.fenced);
        assertTrue(sim.placement().get("ip-b").equals(List.of("b")), "nothing is taken before the reset");
        assertFalse(a.ops.contains("start ip-b"));
        sim.advance(500);
        sim.partitionExpected = false; // the reset powered b off
        assertEquals(List.of("a"), sim.placement().get("ip-b"));
        assertEquals("OK", a.sentOfType("stonith").get(0).body().string("result").orElseThrow());
        assertFalse(a.logged("No STONITH device configured."));
    }

    @Test
    void aFailedFenceMeansNoTakeoverAndALoudLog() {
        clusterUp(true);
        sim.host("a").fenceFails = true;
        sim.host("b").up = false;
        sim.partitionExpected = true; // b's groups really still run there
        sim.advance(5_000);
        sim.declareDead("b");
        sim.advance(60_000);
        SimHost a = sim.host("a");
        assertFalse(a.ops.contains("start ip-b"), "never take without a successful reset");
        assertTrue(a.logs.stream().anyMatch(l -> l.severity() == LogLine.Severity.CRIT
                && l.text().equals("STONITH of node b failed: not taking over its resources.")));
        assertEquals("badstonith", a.sentOfType("stonith").get(0).body().string("result").orElseThrow());
        sim.partitionExpected = false;
        sim.host("b").exec.clear();
    }

    @Test
    void gracefulShutdownReleasesInReverseOrderThenThePeerTakesOverAtOnce() {
        clusterUp(false);
        SimHost a = sim.host("a");
        a.ops.clear();
        a.rm.shutdown(sim.now());
        assertTrue(a.logged("Giving up all HA resources."));
        sim.advance(150);
        assertEquals(null, a.exitedWithShutdone, "shutdone only after every group is released");
        sim.advance(150);
        assertEquals(List.of("stop web-a", "stop ip-a"), a.ops);
        assertTrue(a.logged("All HA resources relinquished."));
        assertEquals(Boolean.TRUE, a.exitedWithShutdone);
        SimHost.Sent last = a.sentOfType("resource").get(a.sentOfType("resource").size() - 1);
        assertEquals("none", last.body().string("rsc_hold").orElseThrow());
        assertEquals("shutdown", last.body().string("info").orElseThrow());
        sim.advance(400); // far below any deadtime
        assertEquals(Map.of("ip-a", List.of("b"), "web-a", List.of("b"), "ip-b", List.of("b")), sim.placement());
        assertFalse(sim.host("b").logged("No STONITH device configured."), "a graceful stop needs no fencing");
        assertTrue(sim.host("b").logged("mach_down takeover complete for node a."));
    }

    @Test
    void aMachDownNoticeAddsToWhatThePeerHeldInsteadOfReplacingIt() {
        clusterUp(false);
        SimHost a = sim.host("a");
        a.rm.onMessage("b", org.vigil.agent.wire.HaMessage.builder().add("t", "resource").add("rsc_hold", "all")
                .add("rtype", "full").add("isstable", "1").add("info", "req_our_resources()").build(), sim.now());
        a.rm.onMessage("b", org.vigil.agent.wire.HaMessage.builder().add("t", "resource").add("rsc_hold", "foreign")
                .add("info", "mach_down").build(), sim.now());
        assertEquals("b", a.rm.snapshot().groups().get(2).holder().orElseThrow(), "b still holds its own ip-b");
    }
}
