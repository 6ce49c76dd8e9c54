package org.vigil.agent.failover;

/** What this node is doing with one resource group, as the resource manager last arranged it. */
public enum GroupState {
    /** Not held here. */
    STOPPED,
    /** A start was requested and has not completed. */
    STARTING,
    /** Started and held here. */
    STARTED,
    /** A stop was requested and has not completed. */
    STOPPING,
    /** A stop failed even after GroupRunner's retries: it may still run here and must not run elsewhere. */
    STOP_FAILED;

    /** Whether this node (may) hold the group: anything but {@link #STOPPED}. */
    public boolean holding() {
        return this != STOPPED;
    }
}
