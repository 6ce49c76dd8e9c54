package org.vigil.agent.node;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a node: its state directory, whether to log to standard error, and what to do
 * when a resource will not stop.
 */
public record NodeOptions(Path stateDir, boolean foreground, boolean debug, StopFailurePolicy onStopFailure) {

    public NodeOptions {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(onStopFailure, "onStopFailure");
    }

    /** A node that never reboots its machine (demo, in-process tests). */
    public NodeOptions(Path stateDir, boolean foreground, boolean debug) {
        this(stateDir, foreground, debug, StopFailurePolicy.HOLD);
    }
}
