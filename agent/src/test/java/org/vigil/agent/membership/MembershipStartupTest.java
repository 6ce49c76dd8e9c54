package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class MembershipStartupTest {

    @Test
    void start_sendsInitThenGoesUp() {
        Rig r = Rig.twoNodes();
        assertEquals(new OutboundStatus(NodeStatus.INIT, 12_000), r.sender.statuses().get(0));
        assertEquals(NodeStatus.UP, r.m.localStatus());
        assertEquals(List.of("info: Local status now set to: 'up'"), r.lines());
    }

    @Test
    void keepalive_sendsEverySecond_withStartupDeadtimeBonusForFiveSeconds() {
        Rig r = Rig.twoNodes();
        r.ticksUntil(7000);
        List<Long> dts = r.sender.statuses().stream().map(OutboundStatus::advertisedDeadtimeMs).toList();
        // sends at 0..7 s: deadtime + 2000 before 5 s, then deadtime (LAB: 1f40 then 1770)
        assertEquals(List.of(12_000L, 12_000L, 12_000L, 12_000L, 12_000L, 10_000L, 10_000L, 10_000L), dts);
    }

    @Test
    void commUp_whenPeerHeard_thenLocalActive() {
        Rig r = Rig.twoNodes();
        r.status(300, "up");
        assertTrue(r.m.isCommUp());
        r.tickAt(500);
        assertEquals(NodeStatus.ACTIVE, r.m.localStatus());
        r.tickAt(1000);
        assertEquals(NodeStatus.ACTIVE, r.sender.last().status());
        assertEquals(List.of(
                "info: Local status now set to: 'up'",
                "info: Link b:eth0 up.",
                "info: Status update for node b: status up",
                "info: Comm_now_up(): updating status to active",
                "info: Local status now set to: 'active'"), r.lines());
    }

    @Test
    void initdead_appliesBeforeCommUp_countedFromStart() {
        Rig r = Rig.twoNodes(); // deadtime 10 s -> initdead 20 s
        r.ticksUntil(20_000);
        assertEquals(NodeStatus.INIT, r.m.statusOf("b"));
        assertFalse(r.m.isCommUp());
        assertEquals(NodeStatus.UP, r.m.localStatus());
        r.tickAt(20_250);
        assertEquals(NodeStatus.DEAD, r.m.statusOf("b"));
        assertTrue(r.m.isCommUp());
        r.tickAt(20_500);
        assertEquals(NodeStatus.ACTIVE, r.m.localStatus());
        assertTrue(r.lines().contains("WARN: node b: is dead"));
    }

    @Test
    void initdead_alsoCoversHeardPeers_untilEveryNodeIsAccountedFor() {
        Rig r = new Rig(Rig.settings("a", "b", "c")); // c never speaks
        r.status(1000, "up");
        r.ticksUntil(12_000); // b silent for 11 s > dt 10 s, but comm is not up: initdead rules
        assertEquals(NodeStatus.UP, r.m.statusOf("b"));
        r.ticksUntil(20_250);
        assertEquals(NodeStatus.DEAD, r.m.statusOf("c"));
        assertTrue(r.m.isCommUp());
        assertEquals(NodeStatus.UP, r.m.statusOf("b")); // 19.25 s silent, still under initdead
        r.tickAt(20_500); // comm is up: b is judged against its dt again
        assertEquals(NodeStatus.DEAD, r.m.statusOf("b"));
    }

    @Test
    void singleNodeCluster_isCommUpAtOnce() {
        Rig r = new Rig(Rig.settings("a"));
        assertTrue(r.m.isCommUp());
        r.tickAt(250);
        assertEquals(NodeStatus.ACTIVE, r.m.localStatus());
    }

    @Test
    void nodeListExchange_holdsActiveUntilComplete() {
        boolean[] answered = {false};
        boolean[] asked = {false};
        NodeListExchange reqnodes = new NodeListExchange() {
            @Override
            public void onCommUp(long now) {
                asked[0] = true;
            }

            @Override
            public boolean readyForActive(long now) {
                return answered[0];
            }
        };
        Rig r = new Rig(Rig.settings("a", "b"), reqnodes);
        r.status(100, "up");
        r.ticksUntil(3000);
        assertTrue(asked[0]);
        assertEquals(NodeStatus.UP, r.m.localStatus());
        answered[0] = true;
        r.tickAt(3250);
        assertEquals(NodeStatus.ACTIVE, r.m.localStatus());
    }

    @Test
    void shutdown_sendsShutdoneAndStops() {
        Rig r = Rig.twoNodes();
        r.m.shutdown(r.now());
        assertEquals(1, r.sender.shutdones());
        assertEquals(NodeStatus.DEAD, r.m.localStatus());
        int sent = r.sender.statuses().size();
        r.ticksUntil(5000);
        assertEquals(sent, r.sender.statuses().size());
    }

    @Test
    void settings_defaultsFollowHeartbeat() {
        MembershipSettings s = MembershipSettings.withDefaults("A", List.of("a", "B"),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals("a", s.localNode());
        assertEquals(List.of("b"), s.peers());
        assertEquals(Duration.ofSeconds(15), s.warntime());
        assertEquals(Duration.ofSeconds(30), s.initdead());
        assertEquals(Duration.ofSeconds(12), MembershipSettings.defaultInitdead(Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(16), MembershipSettings.defaultInitdead(Duration.ofSeconds(8)));
    }
}
