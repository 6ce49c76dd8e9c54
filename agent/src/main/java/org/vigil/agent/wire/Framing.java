package org.vigil.agent.wire;

/** The two on-the-wire framings a Heartbeat peer may use. */
public enum Framing {
    /** {@code >>>\n name=value\n ... <<<\n}, Heartbeat 1.x/2.x, serial links and the FIFO. */
    CLASSIC,
    /** {@code ###\n len:(T)name=value, ... %%%\n} plus the auth trailer, what 3.0.x sends on UDP. */
    NETSTRING
}
