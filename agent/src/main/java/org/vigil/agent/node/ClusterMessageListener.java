package org.vigil.agent.node;

import org.vigil.agent.wire.HaMessage;

/**
 * Receives the cluster messages that are neither heartbeats nor transport control (resource
 * protocol, ipfail), once each, in order, on the membership loop thread.
 */
@FunctionalInterface
public interface ClusterMessageListener {

    void onClusterMessage(String from, HaMessage message, long now);
}
