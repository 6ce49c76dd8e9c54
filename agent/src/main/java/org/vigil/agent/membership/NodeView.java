package org.vigil.agent.membership;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Immutable view of one node.
 *
 * @param lastHeardAge time since anything arrived from it on any link; empty if never heard
 * @param generation   its last accepted generation ({@code hg}); 0 if unknown
 * @param deadtime     the dead time it is judged against (advertised {@code dt} or deadping)
 */
public record NodeView(String name, NodeType type, NodeStatus status, long generation,
        Optional<Duration> lastHeardAge, Duration deadtime, List<LinkView> links) {

    public NodeView {
        links = List.copyOf(links);
    }
}
