package org.vigil.agent.membership;

import java.util.concurrent.TimeUnit;

import org.vigil.agent.membership.MembershipEvent.Cause;
import org.vigil.agent.membership.SequenceWindow.Kind;
import org.vigil.agent.membership.SequenceWindow.Verdict;

/**
 * Applies one inbound message [heartbeat.md §3 sequence rules, §4 warntime, §5 partition heal and
 * shutdone]. Order of effects: sequence verdict (replay and stale messages stop here), restart and
 * loss reports, the late-heartbeat check against the previous gap, link liveness, partition heal,
 * then the announced status.
 */
final class InboundHandler {

    private final Transitions transitions;
    private final EventBus events;
    private final long warntimeNanos;

    InboundHandler(Transitions transitions, long warntimeNanos) {
        this.transitions = transitions;
        this.events = transitions.events();
        this.warntimeNanos = warntimeNanos;
    }

    /** @return whether the message is new (see {@link Membership#onMessage}) */
    boolean handle(Peer p, Heartbeat msg, long now) {
        if (p.type() == NodeType.PING) {
            handlePing(p, msg, now);
            return true;
        }
        Verdict v = p.sequence().classify(msg.generation(), msg.seq());
        if (!v.refreshesLiveness()) {
            if (v.kind() == Kind.REPLAY) {
                events.emit(new MembershipEvent.ReplayRejected(p.name(), msg.generation(),
                        v.previousGeneration()));
            }
            return false;
        }
        reportSequence(p, v, msg);
        if (!v.accepted() || v.kind() == Kind.RECOVERED) {
            // A duplicate from another link, or an old message resent: alive, but no status news.
            transitions.heardOn(p, msg.link(), now);
            return v.accepted();
        }
        if (msg.kind() == MessageKind.STATUS) {
            checkLate(p, now);
        }
        boolean wasDead = p.status() == NodeStatus.DEAD;
        transitions.heardOn(p, msg.link(), now);
        p.advertisedDeadtime(TimeUnit.MILLISECONDS.toNanos(msg.deadtimeMs()));
        if (msg.kind() == MessageKind.SHUTDONE) {
            events.emit(new MembershipEvent.ShutdownNotice(p.name()));
            transitions.markDead(p, Cause.SHUTDOWN);
            return true;
        }
        if (wasDead && v.kind() != Kind.FIRST && v.kind() != Kind.RESTART) {
            events.emit(new MembershipEvent.PartitionHealed(p.name()));
        }
        NodeStatus.fromWire(msg.status())
                .ifPresent(s -> transitions.setStatus(p, s, Cause.MESSAGE));
        if (msg.kind() == MessageKind.OTHER && p.status() == NodeStatus.INIT) {
            // A node that sends anything is running: without this, comm could come up on a
            // resource message while the node still looked never-heard-from to everyone else.
            transitions.setStatus(p, NodeStatus.UP, Cause.MESSAGE);
        }
        return true;
    }

    private void reportSequence(Peer p, Verdict v, Heartbeat msg) {
        switch (v.kind()) {
            case RESTART -> {
                p.resetStatusTiming();
                events.emit(new MembershipEvent.NodeRestarted(p.name(), v.previousGeneration(),
                        msg.generation()));
            }
            case GAP, GAP_RESET -> reportGap(p, v, msg.seq());
            case RECOVERED -> {
                if (v.allRecovered()) {
                    events.emit(new MembershipEvent.MissingPacketsRecovered(p.name()));
                }
            }
            default -> { }
        }
    }

    private void reportGap(Peer p, Verdict v, long seq) {
        boolean reset = v.kind() == Kind.GAP_RESET;
        events.emit(new MembershipEvent.PacketsLost(p.name(), v.lastSeq(), seq, reset));
        if (!reset) {
            for (long s = v.lastSeq() + 1; s < seq; s++) {
                events.emit(new MembershipEvent.RetransmitRequested(p.name(), s));
            }
        }
    }

    /**
     * warntime: the gap between consecutive status messages, measured when the later one arrives.
     * Beyond the dead time, 3.0.6 logs CRIT and declares the node dead at once; that catches
     * silences our own ticks missed (a stalled agent), and the message then reads as a return.
     *
     * <p>Refinement: the death needs the node to have been silent on every link for longer than
     * its dead time too. A late copy on another link (a duplicate) or a resent packet proves it was
     * alive in between, and membership never declares dead a node that proved itself alive
     * within its dead time. Without such copies both gaps are the same, as in Heartbeat.
     */
    private void checkLate(Peer p, long now) {
        long gap = p.statusArrived(now);
        if (gap < 0) {
            return;
        }
        long gapMs = TimeUnit.NANOSECONDS.toMillis(gap);
        if (gap > p.deadtimeNanos()) {
            events.emit(new MembershipEvent.LateHeartbeat(p.name(), gapMs, true));
            if (now - p.lastHeard() > p.deadtimeNanos()) {
                transitions.markDead(p, Cause.LATE_HEARTBEAT);
            }
        } else if (gap > warntimeNanos) {
            events.emit(new MembershipEvent.LateHeartbeat(p.name(), gapMs, false));
        }
    }

    private void handlePing(Peer p, Heartbeat msg, long now) {
        transitions.heardOn(p, msg.link(), now);
        transitions.setStatus(p, NodeStatus.PING, Cause.MESSAGE);
    }
}
