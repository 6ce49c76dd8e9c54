package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.LinkStatus;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.MembershipEvent.Cause;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.wire.HaMessage;

class IpFailTest {

    private final FailoverSim sim = new FailoverSim(List.of("a", "b"), List.of(FailoverSim.group("ip-a", "a"),
            FailoverSim.group("ip-b", "b")), AutoFailback.ON, false, List.of("p1", "p2"));

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    private void up(int pingsOnA, int pingsOnB) {
        sim.startTogether("a", "b");
        for (int i = 1; i <= 2; i++) {
            if (i <= pingsOnA) {
                ping("a", "p" + i, NodeStatus.PING);
            }
            if (i <= pingsOnB) {
                ping("b", "p" + i, NodeStatus.PING);
            }
        }
        sim.advance(11_000);
        sim.hosts.values().forEach(h -> h.sent.clear());
    }

    private void ping(String observer, String node, NodeStatus to) {
        sim.event(observer, new MembershipEvent.NodeStatusChanged(node,
                to == NodeStatus.PING ? NodeStatus.INIT : NodeStatus.PING, to, Cause.MESSAGE));
    }

    /** How membership reports a ping node going silent: the node, then its single link. */
    private void pingNodeDies(String observer, String node) {
        ping(observer, node, NodeStatus.DEAD);
        sim.event(observer, new MembershipEvent.LinkStatusChanged(node, "ping", LinkStatus.DEAD));
    }

    private int lastCount(String from) {
        List<SimHost.Sent> s = sim.host(from).sentOfType("num_ping_nodes");
        return s.get(s.size() - 1).body().decimal("num_ping").orElseThrow();
    }

    @Test
    void theNodeReachingFewerPingNodesGivesUpEverything() {
        up(2, 1);
        sim.linkDead("b", "a"); // one link to a died: b tells a its count
        sim.advance(2_000);
        assertEquals(1, lastCount("b"));
        assertEquals(2, lastCount("a"), "more: a tells b its own count");
        assertTrue(sim.host("b").sentOfType("ask_resources").isEmpty(), "b waits 2 x keepalive (4 s) first");
        sim.advance(3_000);
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("a")), sim.placement());
        assertEquals("all", sim.host("b").sentOfType("ask_resources").get(0).body().string("rsc_hold").orElseThrow());
        sim.advance(60_000);
        assertEquals(List.of("a"), sim.placement().get("ip-b"), "no failback towards fewer ping nodes");
    }

    @Test
    void losingAPingNodeWhileTheHeartbeatsFlowMovesEverythingToThePeer() {
        up(2, 2);
        pingNodeDies("a", "p2"); // only a lost p2; the links between a and b are fine
        sim.advance(6_000);
        assertEquals(1, lastCount("a"), "a told b its count when p2's link died (HB§6: any link)");
        assertEquals(2, lastCount("b"), "more: b answers with its count");
        assertEquals(Map.of("ip-a", List.of("b"), "ip-b", List.of("b")), sim.placement());
        assertEquals("all", sim.host("a").sentOfType("ask_resources").get(0).body().string("rsc_hold").orElseThrow());
    }

    @Test
    void equalCountsChangeNothing() {
        up(2, 2);
        sim.linkDead("a", "b");
        sim.advance(5_000);
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        assertTrue(sim.host("b").sentOfType("num_ping_nodes").isEmpty(), "equal: no reply");
        assertTrue(sim.hosts.values().stream().allMatch(h -> h.sentOfType("ask_resources").isEmpty()));
    }

    @Test
    void aPingNodeComingBackSendsTheCountAndTheGroupsFollowTheBetterNode() {
        up(1, 1);
        ping("a", "p2", NodeStatus.PING);
        sim.advance(6_000);
        assertEquals(2, lastCount("a"));
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("a")), sim.placement());
    }

    @Test
    void aPingNodeBothLoseAProbeApartMovesNothing() {
        up(1, 1);
        pingNodeDies("a", "p1"); // a notices first: for a moment a has 0 and b still 1
        sim.advance(1_500); // b's next probes fail too (keepalive 2 s, so up to 2 s later)
        pingNodeDies("b", "p1");
        sim.advance(20_000);
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        assertTrue(sim.hosts.values().stream().allMatch(h -> h.sentOfType("ask_resources").isEmpty()),
                "nobody gave up");
    }

    @Test
    void aPingNodeBothRegainAProbeApartMovesNothing() {
        up(1, 1);
        pingNodeDies("a", "p1");
        pingNodeDies("b", "p1");
        sim.advance(10_000);
        ping("b", "p1", NodeStatus.PING); // b sees it back first and tells a: for a moment a has fewer
        sim.advance(1_500);
        ping("a", "p1", NodeStatus.PING);
        sim.advance(20_000);
        assertEquals(Map.of("ip-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        assertTrue(sim.hosts.values().stream().allMatch(h -> h.sentOfType("ask_resources").isEmpty()),
                "nobody gave up");
    }

    @Test
    void youAreDeadFromAHeartbeatIpfailPeerGivesUpAll() {
        up(1, 1);
        sim.host("b").rm.onMessage("a", HaMessage.builder().add("t", "you_are_dead").build(), sim.now());
        sim.advance(4_200); // Heartbeat's delay_giveup: 2 x keepalive
        SimHost.Sent ask = sim.host("b").sentOfType("ask_resources").get(0);
        assertEquals("all", ask.body().string("rsc_hold").orElseThrow());
        assertEquals("me", ask.body().string("info").orElseThrow());
        sim.advance(300); // b's stop, then a's start
        assertTrue(sim.host("a").ops.contains("start ip-b"));
    }
}
