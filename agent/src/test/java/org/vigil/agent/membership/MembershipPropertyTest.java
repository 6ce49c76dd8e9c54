package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.agent.membership.MembershipEvent.Cause;
import org.vigil.agent.membership.MembershipEvent.NodeStatusChanged;
import org.vigil.agent.testing.FaultPlan;
import org.vigil.agent.testing.SimCluster;
import org.vigil.agent.testing.SimNode;

/**
 * Randomized runs, one per seed: random cluster size, links, dead time and fault plan, then 20
 * simulated minutes of random partitions, one-way cuts, crashes, restarts and graceful stops.
 * Invariants:
 * <ol>
 *   <li>safety: no node is declared dead (by silence) while it delivered a fresh message within
 *       its dead time on any link ({@link LivenessOracle});</li>
 *   <li>convergence: once faults stop and everyone runs, after initdead + dead time every node
 *       is active and sees every other node active.</li>
 * </ol>
 * A failure names its seed; rerunning that seed replays it exactly.
 */
@Tag("sim")
class MembershipPropertyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomFaults_neverKillALiveNode_andConverge(long seed) {
        Random r = new Random(seed);
        int size = 2 + r.nextInt(4);
        String[] links = r.nextBoolean() ? new String[] {"eth0"} : new String[] {"eth0", "eth1"};
        Duration deadtime = Duration.ofSeconds(3 + r.nextInt(8));
        FaultPlan plan = FaultPlan.perfect()
                .dropRate(r.nextDouble() * 0.5)
                .duplicateRate(r.nextDouble() * 0.2)
                .delay(Duration.ofMillis(1), Duration.ofMillis(r.nextInt(400)))
                .reorder(r.nextDouble() * 0.2, Duration.ofMillis(r.nextInt(3000)));
        SimCluster c = SimCluster.builder().nodeCount(size).links(links)
                .timing(Duration.ofSeconds(1), deadtime).seed(seed).faults(plan).build();
        LivenessOracle oracle = new LivenessOracle();
        c.network().addObserver(oracle::onDelivery);
        for (SimNode n : c.nodes()) {
            n.addListener(e -> {
                if (e instanceof NodeStatusChanged s && s.to() == NodeStatus.DEAD
                        && s.cause() != Cause.SHUTDOWN) {
                    oracle.onDeath(n.name(), s.node(), c.ticker().nanoTime());
                }
            });
        }
        c.startAll();
        for (int step = 0; step < 120; step++) {
            disturb(c, r, links);
            c.runFor(Duration.ofSeconds(10));
        }
        assertTrue(oracle.violations().isEmpty(), "seed " + seed + " " + plan + ": " + oracle.violations());
        assertTrue(oracle.checks() > 0, "seed " + seed + ": the run never declared anyone dead");

        settle(c, plan);
        c.runFor(MembershipSettings.defaultInitdead(deadtime).plus(deadtime).plus(Duration.ofSeconds(5)));
        for (SimNode n : c.nodes()) {
            assertEquals(NodeStatus.ACTIVE, n.membership().localStatus(), "seed " + seed + " " + n.name());
            for (SimNode o : c.nodes()) {
                if (o != n) {
                    assertEquals(NodeStatus.ACTIVE, n.statusOf(o.name()),
                            "seed " + seed + ": " + n.name() + " sees " + o.name());
                }
            }
        }
    }

    /** One random disturbance (or none) before the next 10 s. */
    private static void disturb(SimCluster c, Random r, String[] links) {
        List<SimNode> nodes = c.nodes();
        SimNode x = nodes.get(r.nextInt(nodes.size()));
        SimNode y = nodes.get(r.nextInt(nodes.size()));
        switch (r.nextInt(10)) {
            case 0 -> {
                Set<String> side = new HashSet<>();
                nodes.forEach(n -> {
                    if (r.nextBoolean()) {
                        side.add(n.name());
                    }
                });
                Set<String> other = new HashSet<>();
                nodes.forEach(n -> other.add(n.name()));
                other.removeAll(side);
                c.plan().partition(side, other);
            }
            case 1 -> c.plan().heal();
            case 2 -> c.plan().cut(x.name(), y.name(), r.nextBoolean() ? null : links[r.nextInt(links.length)]);
            case 3 -> c.plan().restoreAllCuts();
            case 4 -> x.crash();
            case 5 -> {
                if (!x.isRunning()) {
                    x.restart();
                }
            }
            case 6 -> {
                if (x.isRunning()) {
                    x.shutdown();
                }
            }
            default -> { } // quiet period
        }
    }

    private static void settle(SimCluster c, FaultPlan plan) {
        plan.heal().restoreAllCuts().dropRate(0).duplicateRate(0).reorder(0, Duration.ZERO);
        for (SimNode n : new ArrayList<>(c.nodes())) {
            if (!n.isRunning()) {
                n.restart();
            }
        }
    }
}
