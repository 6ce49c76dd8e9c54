package org.vigil.agent.config;

import java.util.Locale;

/** How bad a configuration problem is. Only errors stop the agent; notes explain. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    /** The word printed in {@code FILE:LINE: error: ...}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
