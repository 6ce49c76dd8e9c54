package org.vigil.agent.membership;

import java.util.Locale;

/** Status of one (node, link) pair: Heartbeat knows only {@code up} and {@code dead}. */
public enum LinkStatus {
    UP, DEAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
