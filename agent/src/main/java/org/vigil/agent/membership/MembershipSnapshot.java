package org.vigil.agent.membership;

import java.util.List;
import java.util.Optional;

/** Immutable picture of membership at one instant, safe to hand to any thread. */
public record MembershipSnapshot(String localNode, NodeStatus localStatus, boolean commUp,
        List<NodeView> nodes) {

    public MembershipSnapshot {
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeView> node(String name) {
        return nodes.stream().filter(n -> n.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Status of a remote node (the local node is not listed in {@link #nodes}). */
    public NodeStatus statusOf(String name) {
        return node(name).map(NodeView::status)
                .orElseThrow(() -> new IllegalArgumentException("unknown node [" + name + "]"));
    }
}
