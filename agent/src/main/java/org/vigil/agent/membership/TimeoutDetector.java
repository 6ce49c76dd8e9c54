package org.vigil.agent.membership;

import org.vigil.agent.membership.MembershipEvent.Cause;

/**
 * Declares nodes and links dead after silence [heartbeat.md §4, H3 heartbeat.c
 * {@code check_for_timeouts}]: a node is dead when nothing has arrived from it on any link for
 * longer than its dead time (its advertised {@code dt}, or deadping for ping nodes); a link is
 * dead after the same silence on that link. Until comm is up the dead time is at least initdead,
 * and a node never heard from is timed from our start.
 *
 * <p>Timestamps, not tick counts: {@code dt} arrives in milliseconds per sender and the brief is
 * "not before dt, at most one tick after". Comparisons are differences of monotonic readings, so
 * they survive the ticker wrapping and are immune to wall-clock steps.
 */
final class TimeoutDetector {

    private final Transitions transitions;
    private final long startNanos;
    private final long initdeadNanos;

    TimeoutDetector(Transitions transitions, long startNanos, long initdeadNanos) {
        this.transitions = transitions;
        this.startNanos = startNanos;
        this.initdeadNanos = initdeadNanos;
    }

    void check(Iterable<Peer> peers, long now, boolean commUp) {
        for (Peer p : peers) {
            long limit = commUp ? p.deadtimeNanos() : Math.max(p.deadtimeNanos(), initdeadNanos);
            long reference = p.heard() ? p.lastHeard() : startNanos;
            if (p.status() != NodeStatus.DEAD && now - reference > limit) {
                transitions.markDead(p, Cause.TIMEOUT);
            }
            for (LinkState l : p.links()) {
                if (l.expire(now, limit)) {
                    transitions.events().emit(
                            new MembershipEvent.LinkStatusChanged(p.name(), l.name(), LinkStatus.DEAD));
                }
            }
        }
    }
}
