package org.vigil.agent.config;

/** {@code auto_failback}: whether groups go back to their preferred node when it returns. */
public enum AutoFailback {
    /** Groups return to the node haresources names, through the standby protocol. */
    ON,
    /** Groups stay where they are. */
    OFF,
    /** Heartbeat 1's behaviour: every node asks for its groups at start-up (ip-request). */
    LEGACY
}
