package org.vigil.agent.failover;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The placement rules every node evaluates on the same facts, so that all reach the same answer
 * without a coordinator. Ties are always broken by ha.cf node order.
 */
final class Placement {

    private Placement() {
    }

    /**
     * Where a group goes when its holder died: its preferred node if alive and eligible, else the
     * first alive eligible node in ha.cf order; empty when no alive node is eligible.
     *
     * @param alive the alive normal nodes, ourselves included
     * @param ineligible per node, the keys its checks made it ineligible for
     */
    static Optional<String> takeoverTarget(String key, String preferred, List<String> nodeOrder,
            Collection<String> alive, Map<String, Set<String>> ineligible) {
        if (alive.contains(preferred) && eligible(preferred, key, ineligible)) {
            return Optional.of(preferred);
        }
        return nodeOrder.stream().filter(alive::contains).filter(n -> eligible(n, key, ineligible)).findFirst();
    }

    /** One node's facts at partition heal, as it reported them. */
    record HealFacts(String node, boolean eligible, int pingCount) {
    }

    /**
     * Which of the nodes that both held a group during a partition keeps it: an eligible node
     * before an ineligible one, then the one reaching more ping nodes, then the preferred node,
     * then ha.cf order.
     */
    static String healKeeper(String preferred, List<String> nodeOrder, List<HealFacts> holders) {
        Comparator<HealFacts> order = Comparator.comparing((HealFacts f) -> !f.eligible())
                .thenComparing(f -> -f.pingCount())
                .thenComparing(f -> !f.node().equals(preferred))
                .thenComparing(f -> nodeOrder.indexOf(f.node()));
        return holders.stream().min(order).orElseThrow().node();
    }

    private static boolean eligible(String node, String key, Map<String, Set<String>> ineligible) {
        return !ineligible.getOrDefault(node, Set.of()).contains(key);
    }
}
