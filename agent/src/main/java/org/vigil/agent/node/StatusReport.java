package org.vigil.agent.node;

import java.util.stream.Collectors;
import org.vigil.agent.membership.LinkView;
import org.vigil.agent.membership.MembershipSnapshot;
import org.vigil.agent.membership.NodeType;
import org.vigil.agent.membership.NodeView;

/** The text {@code vigil status} prints: this node, then every node and link as this node sees them. */
final class StatusReport {

    private StatusReport() {
    }

    static String render(MembershipSnapshot s, long generation) {
        StringBuilder out = new StringBuilder();
        out.append("local node ").append(s.localNode()).append(": ").append(s.localStatus().wireName())
                .append(", generation ").append(generation).append(s.commUp() ? "" : ", waiting for all nodes (initdead)")
                .append('\n');
        for (NodeView n : s.nodes()) {
            out.append(n.type() == NodeType.PING ? "ping node " : "node ").append(n.name()).append(": ")
                    .append(n.status().wireName());
            n.lastHeardAge().ifPresent(age -> out.append(", heard ").append(age.toMillis()).append(" ms ago"));
            out.append(", deadtime ").append(n.deadtime().toMillis()).append(" ms");
            if (!n.links().isEmpty()) {
                out.append(", links: ").append(n.links().stream().map(StatusReport::link).collect(Collectors.joining(", ")));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String resources(org.vigil.agent.failover.ResourceSnapshot r) {
        StringBuilder out = new StringBuilder("resources: ").append(r.phase()).append(r.maintenance() ? ", MAINTENANCE MODE" : "")
                .append(", holding ").append(r.held().wireName()).append('\n');
        for (var g : r.groups()) {
            out.append("group ").append(g.key()).append(" (prefers ").append(g.preferredNode()).append("): ")
                    .append(g.state().name().toLowerCase()).append(", held by ").append(g.holder().orElse("nobody"))
                    .append(g.eligible() ? "" : ", this node ineligible").append('\n');
        }
        return out.toString();
    }

    static String dropped(java.util.Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "messages refused: none\n";
        }
        return "messages refused: " + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + "\n";
    }

    private static String link(LinkView l) {
        return l.name() + " " + l.status().name().toLowerCase();
    }
}
