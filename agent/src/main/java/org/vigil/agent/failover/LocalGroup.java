package org.vigil.agent.failover;

import java.util.OptionalLong;

/** One group's mutable state on this node; owned by the event loop. */
final class LocalGroup {

    final FailoverSettings.Group spec;
    private GroupState state = GroupState.STOPPED;
    private long lastChange;
    /** Set while a check escalation made us ineligible; empty value in the optional means "until cleared". */
    private boolean ineligible;
    private OptionalLong ineligibleUntil = OptionalLong.empty();
    /** When a failed start is to be offered to the peer (Heartbeat's hb_standby 30 s later). */
    private OptionalLong offerAt = OptionalLong.empty();

    LocalGroup(FailoverSettings.Group spec, long now) {
        this.spec = spec;
        this.lastChange = now;
    }

    String key() {
        return spec.key();
    }

    String preferred() {
        return spec.preferredNode();
    }

    GroupState state() {
        return state;
    }

    long lastChange() {
        return lastChange;
    }

    void state(GroupState to, long now) {
        if (to != state) {
            state = to;
            lastChange = now;
        }
    }

    boolean eligible() {
        return !ineligible;
    }

    void ineligible(OptionalLong until) {
        ineligible = true;
        ineligibleUntil = until;
    }

    void eligibleAgain() {
        ineligible = false;
        ineligibleUntil = OptionalLong.empty();
    }

    /** Whether a timed ineligibility has run out at {@code now}. */
    boolean ineligibilityExpired(long now) {
        return ineligible && ineligibleUntil.isPresent() && ineligibleUntil.getAsLong() - now <= 0;
    }

    OptionalLong offerAt() {
        return offerAt;
    }

    void offerAt(OptionalLong at) {
        offerAt = at;
    }
}
