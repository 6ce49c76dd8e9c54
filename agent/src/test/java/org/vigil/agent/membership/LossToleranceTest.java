package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.MembershipEvent.NodeStatusChanged;
import org.vigil.agent.testing.FaultPlan;
import org.vigil.agent.testing.SimCluster;
import org.vigil.agent.testing.SimNode;

/**
 * Packet loss the timing allows must never kill a node; loss it does not allow must, at the rate
 * arithmetic predicts (so the zero-death runs are evidence, not a detector that never fires).
 *
 * <p>With keepalive k and dead time D = n*k, and sends on an exact k grid, a node dies only when
 * n consecutive heartbeats are lost on every link (a gap of exactly D is not "longer than" D).
 * With per-copy loss p on L independent links a heartbeat is lost with q = p^L, and a run of n
 * losses after a received heartbeat starts each second with probability (1-q) q^n.
 */
@Tag("sim")
class LossToleranceTest {

    private static final Duration THREE_HOURS = Duration.ofHours(3);

    private static long deaths(SimCluster c) {
        long n = 0;
        for (SimNode node : c.nodes()) {
            n += node.events(NodeStatusChanged.class).stream()
                    .filter(e -> e.to() == NodeStatus.DEAD).count();
        }
        return n;
    }

    private static SimCluster run(long seed, Duration keepalive, Duration deadtime, FaultPlan plan,
            Duration length, String... links) {
        SimCluster c = SimCluster.builder().links(links).timing(keepalive, deadtime).seed(seed)
                .faults(plan).build();
        c.startAll();
        c.runFor(length);
        return c;
    }

    @Test
    void twentyPercentLoss_twoLinks_deadtimeFiveKeepalives_threeHours_noDeath() {
        // q = 0.04, n = 5 (4 with jitter straddling the boundary): expected deaths over
        // 2 directions x 10,800 s <= 2 * 10,800 * 0.04^4 = 0.06
        FaultPlan plan = FaultPlan.perfect().dropRate(0.2)
                .delay(Duration.ofMillis(1), Duration.ofMillis(20));
        SimCluster c = run(2024, Duration.ofSeconds(1), Duration.ofSeconds(5), plan, THREE_HOURS,
                "eth0", "eth1");
        assertEquals(0, deaths(c));
        long lost = c.network().dropped();
        assertTrue(lost > 0.19 * c.network().sent(), "the plan really dropped ~20%: " + lost);
    }

    @Test
    void twentyPercentLoss_oneLink_deadtimeTenKeepalives_threeHours_noDeath() {
        // q = 0.2, n = 10 (9 with jitter): expected <= 2 * 10,800 * 0.2^9 = 0.01
        FaultPlan plan = FaultPlan.perfect().dropRate(0.2)
                .delay(Duration.ofMillis(1), Duration.ofMillis(20));
        SimCluster c = run(2025, Duration.ofSeconds(1), Duration.ofSeconds(10), plan, THREE_HOURS,
                "eth0");
        assertEquals(0, deaths(c));
    }

    @Test
    void calibration_twentyPercentLoss_oneLink_deadtimeFiveKeepalives_diesAtThePredictedRate() {
        // No jitter: exactly n = 5 losses needed. Expected deaths over 2 directions x 10,800 s:
        // 2 * 10,800 * 0.8 * 0.2^5 = 5.5 (Poisson; 1..14 holds with >99% probability).
        FaultPlan plan = FaultPlan.perfect().dropRate(0.2);
        SimCluster c = run(2026, Duration.ofSeconds(1), Duration.ofSeconds(5), plan, THREE_HOURS,
                "eth0");
        long d = deaths(c);
        assertTrue(d >= 1 && d <= 14, "false deaths: " + d);
        // every such death heals as a same-generation return, as in Heartbeat
        long heals = c.nodes().stream()
                .mapToLong(n -> n.events(MembershipEvent.PartitionHealed.class).size()).sum();
        assertEquals(d, heals);
    }
}
