package org.vigil.agent.failover;

import java.util.Locale;
import java.util.Optional;

/**
 * Heartbeat's {@code rsc_hold} values: which class of groups a node holds or hands over, always
 * from the <em>sender's</em> view of the haresources node column (local = the sender is the
 * group's preferred node).
 */
public enum RscHold {
    NONE, LOCAL, FOREIGN, ALL;

    /** The word on the wire and in logs ({@code none}, {@code local}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire word; {@code failback} is hb_standby's alias for {@code foreign}. */
    public static Optional<RscHold> fromWire(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (w.equals("failback")) {
            return Optional.of(FOREIGN);
        }
        for (RscHold h : values()) {
            if (h.wireName().equals(w)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** The class holding local and/or foreign groups. */
    public static RscHold of(boolean local, boolean foreign) {
        if (local && foreign) {
            return ALL;
        }
        return local ? LOCAL : foreign ? FOREIGN : NONE;
    }

    /** Whether a group that is local ({@code true}) or foreign to the viewer is in this class. */
    public boolean covers(boolean groupIsLocal) {
        return this == ALL || (groupIsLocal ? this == LOCAL : this == FOREIGN);
    }

    /** Both sets together. */
    public RscHold union(RscHold other) {
        return of(covers(true) || other.covers(true), covers(false) || other.covers(false));
    }

    /** The same set seen from the other node (hb_takeover): local and foreign swap, all stays. */
    public RscHold mirror() {
        if (this == LOCAL) {
            return FOREIGN;
        }
        return this == FOREIGN ? LOCAL : this;
    }
}
