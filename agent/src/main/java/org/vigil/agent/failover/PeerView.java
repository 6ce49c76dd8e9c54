package org.vigil.agent.failover;

import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;

/** What we believe about one other normal node; owned by the event loop. */
final class PeerView {

    final String name;
    /** Never heard from counts as not alive. */
    boolean alive;
    /** Its death was seen and is being (or has been) handled; cleared when it is heard again. */
    boolean deathSeen;
    /** The peer's last {@code isstable}. */
    boolean stable;
    /** The peer's last {@code rsc_hold}, from its view; empty until it announced one. */
    RscHold hold;
    /** Keys we believe it holds (from its rsc_hold class, or exact from vigil-state). */
    final Set<String> held = new LinkedHashSet<>();
    /** It is a Vigil node: it has sent vigil-state, so it understands exact key lists. */
    boolean vigil;
    /** {@link #held} came from its exact key list; its rsc_hold classes then no longer overwrite it. */
    boolean exact;
    /** Keys its checks made it ineligible for (vigil-state). */
    final Set<String> ineligible = new LinkedHashSet<>();
    /** Its ipfail ping-node count, once it told us. */
    OptionalInt pingCount = OptionalInt.empty();
    /** A death is being handled (fencing or takeover pending). */
    boolean fencing;
    /** It died and its groups are still to be taken (deferred by start-up or maintenance). */
    boolean takeoverPending;

    PeerView(String name) {
        this.name = name;
    }

    /** It is heard from (again). */
    void heard() {
        alive = true;
        deathSeen = false;
        takeoverPending = false;
    }

    /**
     * It (re)started: it holds nothing we know of and is not stable. Its class stays unknown
     * until it announces one, so that a death before that is fenced, not called "unneeded".
     */
    void reset() {
        stable = false;
        hold = null;
        held.clear();
        exact = false;
    }
}
