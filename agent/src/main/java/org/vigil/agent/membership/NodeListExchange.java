package org.vigil.agent.membership;

/**
 * Hook for Heartbeat 3.0's node-list exchange ({@code t=reqnodes} / {@code t=repnodes}).
 *
 * <p>3.0 nodes that advertise {@code protocol=1} only go {@code active} after a live peer has
 * answered {@code reqnodes}. Membership calls {@link #onCommUp} once communication is up and then
 * polls {@link #readyForActive} every tick; the local status becomes {@code active} when it says
 * so. The wire messages themselves are left to the transport integration.
 */
public interface NodeListExchange {

    /** Comm is up: start asking live peers for their node lists (every 1 s in Heartbeat). */
    void onCommUp(long now);

    /** Polled on every tick after {@link #onCommUp}; true once the exchange is complete. */
    boolean readyForActive(long now);

    /** No exchange (peers without {@code protocol}, or a single-node cluster): active at once. */
    static NodeListExchange none() {
        return new NodeListExchange() {
            @Override
            public void onCommUp(long now) {
                // nothing to ask
            }

            @Override
            public boolean readyForActive(long now) {
                return true;
            }
        };
    }
}
