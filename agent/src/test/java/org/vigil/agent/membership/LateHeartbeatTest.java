package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.MembershipEvent.Cause;
import org.vigil.agent.membership.MembershipEvent.LateHeartbeat;
import org.vigil.agent.membership.MembershipEvent.NodeStatusChanged;

class LateHeartbeatTest {

    private static Rig activePeer() {
        Rig r = Rig.twoNodes(); // warntime 5 s, deadtime 10 s
        r.status(1000, "active");
        r.tickAt(1000);
        r.clear();
        return r;
    }

    @Test
    void gapAtWarntime_isNotLate() {
        Rig r = activePeer();
        r.status(6000, "active"); // exactly 5000 ms
        assertTrue(r.events(LateHeartbeat.class).isEmpty());
    }

    @Test
    void gapJustOverWarntime_warns() {
        Rig r = activePeer();
        r.status(6010, "active");
        assertEquals(List.of("WARN: Late heartbeat: Node b: interval 5010 ms"), r.lines());
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
    }

    @Test
    void warntimeFromSettings_isHonoured() {
        Rig r = new Rig(Rig.settings("a", "b").withWarntime(Duration.ofSeconds(2)));
        r.status(1000, "active").status(3001, "active");
        assertEquals(List.of(new LateHeartbeat("b", 2001, false)), r.events(LateHeartbeat.class));
    }

    @Test
    void duplicates_doNotCountAsHeartbeatIntervals() {
        Rig r = activePeer();
        r.deliver(1010, Heartbeat.status("b", "eth1", r.seq(), 100, 10_000, "active"));
        r.status(5500, "active"); // 4.5 s after the first copy: not late
        assertTrue(r.events(LateHeartbeat.class).isEmpty());
    }

    @Test
    void gapBeyondDeadtime_withoutTicks_isCrit_andMarksDeadAtOnce() {
        // Our loop stalled (no ticks) for 10.01 s: 3.0.6 catches that on arrival.
        Rig r = activePeer();
        r.status(11_010, "active");
        List<NodeStatusChanged> changes = r.events(NodeStatusChanged.class);
        assertEquals(new NodeStatusChanged("b", NodeStatus.ACTIVE, NodeStatus.DEAD, Cause.LATE_HEARTBEAT),
                changes.get(0));
        assertEquals("CRIT: Late heartbeat: Node b: interval 10010 ms (> deadtime)", r.lines().get(0));
        assertEquals("WARN: node b: is dead", r.lines().get(1));
        // the message itself then reads as a return after partition
        assertEquals(1, r.events(MembershipEvent.PartitionHealed.class).size());
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
    }

    @Test
    void gapBeyondDeadtime_butAliveOnAnotherLinkMeanwhile_isCritOnly() {
        Rig r = activePeer();
        // the eth1 copy of seq 1 came 4 s late: proof of life, though not a new status
        r.deliver(5000, Heartbeat.status("b", "eth1", r.seq(), 100, 10_000, "active"));
        r.status(11_010, "active");
        assertEquals(List.of(new LateHeartbeat("b", 10_010, true)), r.events(LateHeartbeat.class));
        assertTrue(r.events(NodeStatusChanged.class).isEmpty());
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
    }

    @Test
    void restart_resetsTheIntervalReference() {
        Rig r = activePeer();
        r.generation(101).seq(0).status(9000, "init"); // 8 s later, but a new process
        assertTrue(r.events(LateHeartbeat.class).isEmpty());
    }
}
