package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.MembershipEvent.NodeRestarted;
import org.vigil.agent.membership.MembershipEvent.PacketsLost;
import org.vigil.agent.membership.MembershipEvent.PartitionHealed;
import org.vigil.agent.membership.MembershipEvent.ReplayRejected;
import org.vigil.agent.membership.MembershipEvent.RetransmitRequested;

class MembershipSequenceTest {

    private static Rig activePeer() {
        Rig r = Rig.twoNodes();
        r.status(1000, "active");
        r.tickAt(1000);
        r.clear();
        return r;
    }

    @Test
    void restart_higherGeneration_resetsTracking_andReportsIt() {
        Rig r = activePeer();
        r.status(2000, "active").status(3000, "active");
        r.generation(101).seq(0).status(4000, "init");
        assertEquals(List.of(new NodeRestarted("b", 100, 101)), r.events(NodeRestarted.class));
        assertTrue(r.lines().contains("info: Heartbeat restart on node b"));
        assertTrue(r.lines().contains("info: Status update for node b: status init"));
        r.status(5000, "up");
        assertTrue(r.events(PacketsLost.class).isEmpty()); // seq 1, 2 in the new generation
        assertEquals(101, r.m.snapshot(r.now()).node("b").orElseThrow().generation());
    }

    @Test
    void replay_lowerGeneration_isRejected_andProvesNothing() {
        Rig r = activePeer();
        r.generation(101).seq(0).status(2000, "active");
        r.clear();
        for (long t = 3000; t <= 12_000; t += 1000) {
            r.deliver(t, Heartbeat.status("b", "eth0", 50 + t, 100, 10_000, "active"));
            r.tickAt(t);
        }
        assertEquals(10, r.events(ReplayRejected.class).size());
        assertEquals("ERROR: should_drop_message: attempted replay attack [b]? [gen = 100, curgen = 101]",
                r.lines().get(0));
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
        r.deliver(12_250, Heartbeat.status("b", "eth0", 99_999, 100, 10_000, "active"));
        r.tickAt(12_250); // 10.25 s after the last genuine message: replays kept nothing alive
        assertEquals(NodeStatus.DEAD, r.m.statusOf("b"));
    }

    @Test
    void lostPackets_areLogged_rexmitRequested_andRecovered() {
        Rig r = activePeer(); // seq 1 seen
        r.seq(4).status(2000, "active"); // seq 5: 2..4 missing
        assertEquals(List.of("WARN: 3 lost packet(s) for [b] [1:5]"), r.lines());
        assertEquals(List.of(2L, 3L, 4L),
                r.events(RetransmitRequested.class).stream().map(RetransmitRequested::seq).toList());
        r.deliver(2100, Heartbeat.status("b", "eth0", 3, 100, 10_000, "active"));
        r.deliver(2100, Heartbeat.status("b", "eth0", 2, 100, 10_000, "active"));
        r.deliver(2100, Heartbeat.status("b", "eth0", 4, 100, 10_000, "active"));
        assertEquals("info: No pkts missing from b!", r.lines().get(1));
        assertEquals(2, r.lines().size());
    }

    @Test
    void hugeGap_logsLostALot_andResets() {
        Rig r = activePeer();
        r.seq(400).status(2000, "active");
        assertEquals(List.of("WARN: 399 lost packet(s) for [b] [1:401]", "WARN: lost a lot of packets!"),
                r.lines());
        assertTrue(r.events(RetransmitRequested.class).isEmpty());
    }

    @Test
    void partitionHeal_sameGenerationReturnOfDeadNode() {
        Rig r = activePeer();
        r.ticksUntil(11_250);
        assertEquals(NodeStatus.DEAD, r.m.statusOf("b"));
        r.clear();
        r.seq(14).status(16_000, "active");
        assertEquals(List.of(new PartitionHealed("b")), r.events(PartitionHealed.class));
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
        assertEquals(List.of(
                "WARN: 13 lost packet(s) for [b] [1:15]",
                "CRIT: Late heartbeat: Node b: interval 15000 ms (> deadtime)",
                "info: Link b:eth0 up.",
                "CRIT: Cluster node b returning after partition.",
                "info: For information on cluster partitions, See URL: http://linux-ha.org/wiki/Split_Brain",
                "WARN: Deadtime value may be too small.",
                "info: See FAQ for information on tuning deadtime.",
                "info: URL: http://linux-ha.org/wiki/FAQ#Heavy_Load",
                "info: Status update for node b: status active"),
                r.lines());
    }

    @Test
    void deadNodeReturningWithNewGeneration_isARestart_notAHeal() {
        Rig r = activePeer();
        r.ticksUntil(11_250);
        r.generation(101).seq(0).status(12_000, "init");
        assertTrue(r.events(PartitionHealed.class).isEmpty());
        assertEquals(1, r.events(NodeRestarted.class).size());
        assertEquals(NodeStatus.INIT, r.m.statusOf("b"));
    }

    @Test
    void shutdone_marksPeerDeadAtOnce() {
        Rig r = activePeer();
        r.deliver(2000, Heartbeat.shutdone("b", "eth0", 2, 100));
        assertEquals(NodeStatus.DEAD, r.m.statusOf("b"));
        assertEquals(List.of(
                "info: Received shutdown notice from 'b'.",
                "info: Status update for node b: status dead",
                "info: Link b:eth0 dead."), r.lines());
        assertEquals(MembershipEvent.Cause.SHUTDOWN,
                r.events(MembershipEvent.NodeStatusChanged.class).get(0).cause());
    }

    @Test
    void unknownSender_isReported_ownLoopbackIgnored() {
        Rig r = activePeer();
        r.deliver(2000, Heartbeat.status("zed", "eth0", 1, 1, 10_000, "up"));
        r.deliver(2000, Heartbeat.status("a", "eth0", 1, 1, 10_000, "up"));
        assertEquals(List.of("ERROR: process_status_message: bad node [zed] in message"), r.lines());
    }

    @Test
    void unknownStatusWord_keepsStatus_butProvesLife() {
        Rig r = activePeer();
        r.status(2000, "weird");
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
        r.ticksUntil(12_000);
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
    }

    @Test
    void otherMessages_shareTheSequence_soNoFalseLoss_andNoStatusChange() {
        Rig r = activePeer(); // seq 1 seen
        r.moveTo(1500);
        assertTrue(r.m.onMessage(Heartbeat.other("b", "eth0", 2, 100), r.now()), "a resource message is new");
        r.seq(2).status(2000, "active"); // seq 3
        assertTrue(r.events(PacketsLost.class).isEmpty(), "seq 2 was the other message, not a loss");
        assertEquals(NodeStatus.ACTIVE, r.m.statusOf("b"));
    }

    @Test
    void onMessage_tellsTheCallerWhetherTheMessageIsNew() {
        Rig r = activePeer();
        r.moveTo(2000);
        Heartbeat msg = Heartbeat.other("b", "eth0", 2, 100);
        assertTrue(r.m.onMessage(msg, r.now()));
        assertEquals(false, r.m.onMessage(Heartbeat.other("b", "eth1", 2, 100), r.now()),
                "the same message on another link is a duplicate: acted on once");
        assertEquals(false, r.m.onMessage(Heartbeat.other("b", "eth0", 5, 99), r.now()), "a replay is not new");
        assertEquals(false, r.m.onMessage(Heartbeat.other("a", "eth0", 9, 100), r.now()), "our own looped-back packet");
    }

    @Test
    void otherMessageFirst_makesTheNodeUpBeforeCommUp() {
        Rig r = Rig.twoNodes();
        r.moveTo(500);
        r.m.onMessage(Heartbeat.other("b", "eth0", 1, 100), r.now());
        assertEquals(NodeStatus.UP, r.m.statusOf("b"), "heard from, so running");
        assertTrue(r.lines().contains("info: Status update for node b: status up"), r.lines().toString());
    }
}
