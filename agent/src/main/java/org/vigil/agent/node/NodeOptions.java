package org.vigil.agent.node;

import java.nio.file.Path;

/** How to run a node: its state directory and whether to log to standard error. */
public record NodeOptions(Path stateDir, boolean foreground, boolean debug) {
}
