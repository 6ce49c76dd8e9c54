package org.vigil.agent.failover.resource;

/** What a status check says about a resource. */
public enum ResourceState {
    RUNNING,
    STOPPED,
    /** The check itself failed (timeout, agent error): neither running nor safely stopped. */
    UNKNOWN
}
