package org.vigil.agent.failover.resource;

/**
 * The outcome of start, stop or status. For start and stop, {@code success} is what matters; for
 * status, {@code state}. {@code detail} is one line for the log (never a secret).
 */
public record OpResult(boolean success, ResourceState state, String detail) {

    public static OpResult ok(ResourceState state, String detail) {
        return new OpResult(true, state, detail);
    }

    public static OpResult failed(String detail) {
        return new OpResult(false, ResourceState.UNKNOWN, detail);
    }
}
