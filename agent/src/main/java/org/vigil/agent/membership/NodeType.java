package org.vigil.agent.membership;

/** Heartbeat's node types: cluster members ({@code node}) and ping nodes ({@code ping}). */
public enum NodeType {
    NORMAL, PING
}
