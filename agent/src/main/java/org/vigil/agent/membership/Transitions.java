package org.vigil.agent.membership;

import org.vigil.agent.membership.MembershipEvent.Cause;

/**
 * The state changes shared by the inbound path and the timeout path, each paired with its event
 * so that state and reports cannot drift apart.
 */
final class Transitions {

    private final EventBus events;

    Transitions(EventBus events) {
        this.events = events;
    }

    EventBus events() {
        return events;
    }

    /** Changes a node's status and reports it; no-op if unchanged. */
    void setStatus(Peer p, NodeStatus to, Cause cause) {
        NodeStatus from = p.setStatus(to);
        if (from != to) {
            events.emit(new MembershipEvent.NodeStatusChanged(p.name(), from, to, cause));
        }
    }

    /** Declares a node dead, then each of its links still up (Heartbeat's log order). */
    void markDead(Peer p, Cause cause) {
        if (p.status() == NodeStatus.DEAD) {
            return;
        }
        setStatus(p, NodeStatus.DEAD, cause);
        for (LinkState l : p.links()) {
            if (l.status() == LinkStatus.UP) {
                l.markDead();
                events.emit(new MembershipEvent.LinkStatusChanged(p.name(), l.name(), LinkStatus.DEAD));
            }
        }
    }

    /** Records an arrival on a link and reports the link coming up. */
    void heardOn(Peer p, String link, long now) {
        if (p.heardOn(link, now)) {
            events.emit(new MembershipEvent.LinkStatusChanged(p.name(), link, LinkStatus.UP));
        }
    }
}
