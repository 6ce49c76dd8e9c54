package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.MembershipEvent.Cause;
import org.vigil.agent.membership.NodeStatus;

class PartitionHealTest {

    private FailoverSim sim = new FailoverSim(List.of("a", "b"), List.of(FailoverSim.group("ip-a", "a"),
            FailoverSim.group("web-a", "a"), FailoverSim.group("ip-b", "b")), AutoFailback.ON, false,
            List.of("p1", "p2"));

    @AfterEach
    void invariant() {
        sim.assertInvariant();
    }

    /** Both up, then the links are cut for longer than deadtime: each takes everything. */
    private void splitBrain() {
        sim.startTogether("a", "b");
        for (String n : List.of("a", "b")) {
            for (String p : List.of("p1", "p2")) {
                ping(n, p, NodeStatus.PING);
            }
        }
        sim.advance(11_000);
        sim.cut("a", "b");
        sim.advance(5_000);
        sim.event("a", new MembershipEvent.NodeStatusChanged("b", NodeStatus.ACTIVE, NodeStatus.DEAD, Cause.TIMEOUT));
        sim.event("b", new MembershipEvent.NodeStatusChanged("a", NodeStatus.ACTIVE, NodeStatus.DEAD, Cause.TIMEOUT));
        sim.advance(1_000);
        Map<String, List<String>> both = sim.placement();
        both.values().forEach(h -> assertEquals(List.of("a", "b"), h, "Heartbeat's split brain: " + both));
        sim.timeline.clear();
        sim.hosts.values().forEach(h -> {
            h.ops.clear();
            h.sent.clear();
        });
    }

    private void ping(String observer, String pingNode, NodeStatus to) {
        sim.event(observer, new MembershipEvent.NodeStatusChanged(pingNode,
                to == NodeStatus.PING ? NodeStatus.INIT : NodeStatus.PING, to, Cause.MESSAGE));
    }

    private void healAndSettle() {
        sim.healLinks("a", "b");
        sim.advance(2_000);
        sim.partitionExpected = false;
        sim.check();
    }

    @Test
    void exactlyOneKeepsEachGroupThePreferredNodeAndItReannouncesAfterTheOtherReleased() {
        splitBrain();
        healAndSettle();
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        assertEquals(List.of("stop web-a", "stop ip-a", "start ip-b"), sim.host("b").ops);
        assertEquals(List.of("stop ip-b", "start ip-a", "start web-a"), sim.host("a").ops,
                "the keeper re-runs the start (gratuitous ARP), nothing else");
        for (String key : List.of("ip-a", "web-a")) {
            int released = indexOf("b stop-end " + key);
            assertTrue(released >= 0 && indexOf("a start-begin " + key) > released, sim.timeline.toString());
        }
        assertTrue(indexOf("b start-begin ip-b") > indexOf("a stop-end ip-b"), sim.timeline.toString());
        assertTrue(sim.host("b").rm.snapshot().stable() && sim.host("a").rm.snapshot().stable());
        sim.hosts.values().forEach(h -> assertTrue(h.sentOfType("starting").isEmpty(), "no restart"));
        assertTrue(sim.host("a").loggedContaining("Both machines own our resources!"));
        assertTrue(sim.host("a").logged("Partition heal: a keeps resource group ip-a."));
        assertTrue(sim.host("b").logged("Partition heal: a keeps resource group ip-a."), "same decision both sides");
    }

    @Test
    void anIneligiblePreferredNodeLetsTheOtherKeepIt() {
        splitBrain();
        sim.host("a").rm.setIneligible("ip-a", OptionalLong.empty(), sim.now());
        healAndSettle();
        assertEquals(Map.of("ip-a", List.of("b"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
        sim.advance(30_000);
        assertEquals(List.of("b"), sim.placement().get("ip-a"), "auto_failback does not move it back");
    }

    @Test
    void thePreferredNodeReachingFewerPingNodesGivesWay() {
        splitBrain();
        ping("a", "p2", NodeStatus.DEAD);
        healAndSettle();
        assertEquals(Map.of("ip-a", List.of("b"), "web-a", List.of("b"), "ip-b", List.of("b")), sim.placement());
        sim.advance(30_000);
        assertEquals(List.of("b"), sim.placement().get("ip-a"), "no failback to the node with fewer ping nodes");
    }

    @Test
    void theHealIsDecidedEvenWhenOnlyOneSideSawThePartitionHeal() {
        splitBrain();
        sim.cut("a", "b");
        sim.healLinksQuietly("a", "b");
        sim.event("a", new MembershipEvent.PartitionHealed("b"));
        sim.event("a", new MembershipEvent.NodeStatusChanged("b", NodeStatus.DEAD, NodeStatus.ACTIVE, Cause.MESSAGE));
        sim.event("b", new MembershipEvent.NodeStatusChanged("a", NodeStatus.DEAD, NodeStatus.ACTIVE, Cause.MESSAGE));
        sim.advance(2_000);
        sim.partitionExpected = false;
        sim.check();
        assertEquals(Map.of("ip-a", List.of("a"), "web-a", List.of("a"), "ip-b", List.of("b")), sim.placement());
    }

    @Test
    void aSplitKeepDecisionIsNotReportedAsDuplicatesAfterwards() {
        splitBrain();
        sim.host("a").rm.setIneligible("ip-a", OptionalLong.empty(), sim.now());
        healAndSettle();
        sim.advance(5_000);
        for (SimHost h : sim.hosts.values()) {
            assertTrue(h.logs.stream().noneMatch(l -> l.text().equals("Both machines own our resources!")
                    || l.text().equals("Both machines own foreign resources!")), h.name + " " + h.logs);
        }
        assertEquals(List.of("a"), sim.host("b").rm.snapshot().groups().get(1).holder().map(List::of).orElseThrow());
    }

    private int indexOf(String suffix) {
        for (int i = 0; i < sim.timeline.size(); i++) {
            if (sim.timeline.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }
}
