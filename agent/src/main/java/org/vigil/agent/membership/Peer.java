package org.vigil.agent.membership;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What membership knows about one remote node: status, generation/sequence tracking, advertised
 * dead time, when it was last heard, and its links. Mutable; owned by the membership loop.
 */
final class Peer {

    private final String name;
    private final NodeType type;
    private final SequenceWindow sequence = new SequenceWindow();
    private final Map<String, LinkState> links = new LinkedHashMap<>();
    private NodeStatus status = NodeStatus.INIT;
    private boolean heard;
    private long lastHeard;
    private boolean statusTimed;
    private long lastStatusAt;
    private long deadtimeNanos;

    Peer(String name, NodeType type, long deadtimeNanos) {
        this.name = name;
        this.type = type;
        this.deadtimeNanos = deadtimeNanos;
    }

    String name() {
        return name;
    }

    NodeType type() {
        return type;
    }

    SequenceWindow sequence() {
        return sequence;
    }

    NodeStatus status() {
        return status;
    }

    /** Sets the status; returns the previous one. */
    NodeStatus setStatus(NodeStatus s) {
        NodeStatus old = status;
        status = s;
        return old;
    }

    boolean heard() {
        return heard;
    }

    long lastHeard() {
        return lastHeard;
    }

    /** Records an arrival on {@code link}; true if that link is new or came back up. */
    boolean heardOn(String link, long now) {
        heard = true;
        lastHeard = now;
        LinkState l = links.get(link);
        if (l == null) {
            links.put(link, new LinkState(link, now));
            return true;
        }
        return l.heard(now);
    }

    Collection<LinkState> links() {
        return links.values();
    }

    /** The dead time this node is judged against: its advertised {@code dt}, or deadping. */
    long deadtimeNanos() {
        return deadtimeNanos;
    }

    void advertisedDeadtime(long nanos) {
        if (nanos > 0) {
            deadtimeNanos = nanos;
        }
    }

    /**
     * Records the arrival of a new status message; returns the gap since the previous one, or -1
     * if there is no previous one to measure from (first message, or after a restart).
     */
    long statusArrived(long now) {
        long gap = statusTimed ? now - lastStatusAt : -1;
        statusTimed = true;
        lastStatusAt = now;
        return gap;
    }

    /** Forgets the late-heartbeat reference point (after a restart). */
    void resetStatusTiming() {
        statusTimed = false;
    }
}
