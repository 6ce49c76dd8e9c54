package org.vigil.agent.membership;

import java.util.Locale;
import java.util.Optional;

/**
 * A node's status as Heartbeat names it on the wire ({@code st=}) and in its logs.
 *
 * <p>{@code init} means never heard from (or, for the local node, not yet announced); {@code up}
 * means running but communication with the whole cluster is not yet established; {@code active}
 * means fully joined; {@code dead} means silent for longer than its dead time (or shut down);
 * {@code ping} is a live ping node.
 */
public enum NodeStatus {
    INIT, UP, ACTIVE, DEAD, PING;

    /** The lower-case word Heartbeat sends and logs. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire status word; unknown words are empty so that they change nothing. */
    public static Optional<NodeStatus> fromWire(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (NodeStatus s : values()) {
            if (s.wireName().equalsIgnoreCase(word.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether this status means the node is currently believed alive. */
    public boolean isAlive() {
        return this == UP || this == ACTIVE || this == PING;
    }
}
