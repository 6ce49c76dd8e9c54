package org.vigil.agent.membership;

/**
 * The outbound side of membership, implemented by the transport layer (codec plus every medium).
 * Called on the membership loop thread only; implementations must not block it.
 */
public interface StatusSender {

    /** Sends a status heartbeat on every medium. Called once at start and then every keepalive. */
    void sendStatus(OutboundStatus status);

    /** Sends {@code t=shutdone st=dead} on every medium: the local node is leaving gracefully. */
    void sendShutdone();
}
