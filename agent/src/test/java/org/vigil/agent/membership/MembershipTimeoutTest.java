package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class MembershipTimeoutTest {

    /** b active and heard at 1000 ms; comm up. */
    private static Rig activePeer() {
        Rig r = Rig.twoNodes();
        r.status(1000, "active");
        r.tickAt(1000);
        r.clear();
        return r;
    }

    @Test
    void deadNode_declaredNotBeforeDeadtime_andWithinOneTickAfter() {
        Rig r = activePeer();
        r.ticksUntil(11_000); // exactly dt = 10 s of silence: still alive
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
        r.tickAt(11_000 + 250);
        assertEquals(NodeStatus.DEAD, r.m.statusOf("b"));
        assertEquals(List.of("WARN: node b: is dead", "info: Link b:eth0 dead."), r.lines());
        assertEquals(MembershipEvent.Cause.TIMEOUT,
                r.events(MembershipEvent.NodeStatusChanged.class).get(0).cause());
    }

    @Test
    void deadtime_isTheSendersAdvertisedDt() {
        Rig r = Rig.twoNodes();
        r.deliver(1000, Heartbeat.status("b", "eth0", 1, 7, 3_000, "active"));
        r.ticksUntil(4000);
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
        r.tickAt(4250);
        assertEquals(NodeStatus.DEAD, r.m.statusOf("b"));
        assertEquals(Duration.ofSeconds(3), r.m.snapshot(r.now()).node("b").orElseThrow().deadtime());
    }

    @Test
    void multiLink_oneLinkDies_nodeStaysActive_thenLinkReturns() {
        Rig r = activePeer();
        r.deliver(1000, Heartbeat.status("b", "eth1", 1, 100, 10_000, "active")); // same seq, 2nd link
        for (long t = 2000; t <= 20_000; t += 1000) {
            r.status(t, "active"); // eth0 only from now on
            r.tickAt(t);
        }
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
        assertEquals(List.of("info: Link b:eth1 up.", "info: Link b:eth1 dead."), r.lines());
        r.deliver(20_100, Heartbeat.status("b", "eth1", r.seq(), 100, 10_000, "active"));
        assertEquals("info: Link b:eth1 up.", r.lines().get(2));
        MembershipSnapshot s = r.m.snapshot(r.now());
        assertEquals(List.of(LinkStatus.UP, LinkStatus.UP),
                s.node("b").orElseThrow().links().stream().map(LinkView::status).toList());
    }

    @Test
    void duplicateOnSecondLink_refreshesThatLinkOnly() {
        Rig r = activePeer();
        for (long t = 2000; t <= 30_000; t += 1000) {
            r.status(t, "active");
            // eth1 carries the same seq a little later: a duplicate, but proof of life for eth1
            r.deliver(t + 5, Heartbeat.status("b", "eth1", r.seq(), 100, 10_000, "active"));
            r.tickAt(t + 250);
        }
        assertEquals(List.of("info: Link b:eth1 up."), r.lines());
        assertTrue(r.events(MembershipEvent.PacketsLost.class).isEmpty());
    }

    @Test
    void deadNode_marksEveryLinkDead_inHeartbeatOrder() {
        Rig r = activePeer();
        r.deliver(1000, Heartbeat.status("b", "eth1", 1, 100, 10_000, "active"));
        r.clear();
        r.ticksUntil(11_250);
        assertEquals(List.of("WARN: node b: is dead", "info: Link b:eth0 dead.",
                "info: Link b:eth1 dead."), r.lines());
    }

    @Test
    void pingNode_isPingWhileEchoing_deadAfterDeadping() {
        MembershipSettings s = Rig.settings("a", "b").withPingNodes(List.of("10.0.0.1"))
                .withDeadping(Duration.ofSeconds(5));
        Rig r = new Rig(s);
        r.status(0, "up");
        r.deliver(500, Heartbeat.ping("10.0.0.1", "10.0.0.1"));
        assertEquals(NodeStatus.PING, r.m.statusOf("10.0.0.1"));
        for (long t = 1000; t <= 5500; t += 500) { // b keeps talking; the ping node goes quiet
            r.status(t, "up");
            r.tickAt(t);
        }
        assertEquals(NodeStatus.PING, r.m.statusOf("10.0.0.1"));
        r.tickAt(5750);
        assertEquals(NodeStatus.DEAD, r.m.statusOf("10.0.0.1"));
        assertTrue(r.lines().contains("info: Status update for node 10.0.0.1: status ping"));
        assertTrue(r.lines().contains("WARN: node 10.0.0.1: is dead"));
    }

    @Test
    void snapshot_reportsAgesAndStates() {
        Rig r = activePeer();
        r.tickAt(3500);
        NodeView b = r.m.snapshot(r.now()).node("b").orElseThrow();
        assertEquals(Duration.ofMillis(2500), b.lastHeardAge().orElseThrow());
        assertEquals(100, b.generation());
        assertEquals(new LinkView("eth0", LinkStatus.UP, Duration.ofMillis(2500)), b.links().get(0));
        assertEquals(NodeStatus.ACTIVE, r.m.snapshot(r.now()).localStatus());
    }
}
