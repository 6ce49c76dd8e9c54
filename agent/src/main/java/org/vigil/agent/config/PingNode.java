package org.vigil.agent.config;

import java.util.List;

/**
 * A ping node ({@code ping IP}) or ping group ({@code ping_group NAME IP...}, alive if any member
 * answers). Ping nodes are nodes of type ping: they never hold resources.
 */
public record PingNode(String name, List<String> addresses, boolean group, int line) {

    public PingNode {
        addresses = List.copyOf(addresses);
    }
}
