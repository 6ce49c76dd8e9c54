package org.vigil.agent.membership;

/** Liveness of one (node, link) pair. Mutable; owned by the membership loop. */
final class LinkState {

    private final String name;
    private LinkStatus status = LinkStatus.UP;
    private long lastHeard;

    LinkState(String name, long now) {
        this.name = name;
        this.lastHeard = now;
    }

    String name() {
        return name;
    }

    LinkStatus status() {
        return status;
    }

    long lastHeard() {
        return lastHeard;
    }

    /** Records an arrival; true if the link was dead and is now up again. */
    boolean heard(long now) {
        lastHeard = now;
        if (status == LinkStatus.DEAD) {
            status = LinkStatus.UP;
            return true;
        }
        return false;
    }

    /** True if the link was up and has now been silent for longer than {@code limitNanos}. */
    boolean expire(long now, long limitNanos) {
        if (status == LinkStatus.UP && now - lastHeard > limitNanos) {
            status = LinkStatus.DEAD;
            return true;
        }
        return false;
    }

    void markDead() {
        status = LinkStatus.DEAD;
    }
}
