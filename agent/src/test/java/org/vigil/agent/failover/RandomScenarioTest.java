package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.NodeStatus;

/**
 * Seeded random operator and failure sequences on two nodes (deaths, restarts, graceful stops,
 * standby, takeover, maintenance, partitions): outside a partition no group may run on both
 * nodes, a partition is resolved within seconds of healing, and once both nodes are up and quiet
 * every group runs exactly once.
 */
class RandomScenarioTest {

    private static final int SEEDS = 60;
    private static final int STEPS = 30;

    @TestFactory
    Stream<DynamicTest> randomSequencesKeepOneCopyAndConverge() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AutoFailback mode : AutoFailback.values()) {
            for (int seed = 1; seed <= SEEDS; seed++) {
                long s = seed;
                tests.add(DynamicTest.dynamicTest(mode + " seed " + seed, () -> run(mode, s)));
            }
        }
        return tests.stream();
    }

    private static void run(AutoFailback mode, long seed) {
        FailoverSim sim = FailoverSim.twoNodes(mode);
        try {
            steps(sim, mode, seed);
        } catch (AssertionError e) {
            // -Dvigil.debug.seed="ON 7" prints the whole story of one failing sequence.
            if (System.getProperty("vigil.debug.seed", "").equals(mode + " " + seed)) {
                sim.timeline.forEach(System.out::println);
                sim.hosts.values().forEach(h -> {
                    System.out.println("== " + h.name);
                    h.logs.forEach(System.out::println);
                    h.sent.forEach(System.out::println);
                });
            }
            throw e;
        }
    }

    /** Both links cut past deadtime (each side takes everything), then restored: one copy again. */
    private static void partition(FailoverSim sim, Random rnd) {
        sim.cut("a", "b");
        sim.advance(5_000);
        for (String[] pair : new String[][] {{"a", "b"}, {"b", "a"}}) {
            sim.event(pair[0], new MembershipEvent.NodeStatusChanged(pair[1], NodeStatus.ACTIVE, NodeStatus.DEAD,
                    MembershipEvent.Cause.TIMEOUT));
        }
        sim.advance(rnd.nextInt(10_000));
        sim.healLinks("a", "b");
        sim.advance(3_000);
        sim.partitionExpected = false;
        sim.check();
    }

    private static void steps(FailoverSim sim, AutoFailback mode, long seed) {
        Random rnd = new Random(seed);
        List<String> trace = new ArrayList<>();
        sim.startTogether("a", "b");
        for (int i = 0; i < STEPS; i++) {
            String n = rnd.nextBoolean() ? "a" : "b";
            String other = n.equals("a") ? "b" : "a";
            SimHost h = sim.host(n);
            int op = rnd.nextInt(7);
            trace.add(sim.nowMs() + " " + n + " op" + op);
            if (!h.up) {
                if (op < 4) {
                    sim.startTogether(n);
                }
            } else if (op == 0 && sim.host(other).up) {
                sim.powerOff(n);
                sim.advance(rnd.nextInt(3_000));
                sim.declareDead(n);
            } else if (op == 1) {
                h.rm.shutdown(sim.now());
            } else if (op == 2) {
                h.rm.standby(RscHold.values()[1 + rnd.nextInt(3)], sim.now());
            } else if (op == 3) {
                h.rm.takeover(RscHold.values()[1 + rnd.nextInt(3)], sim.now());
            } else if (op == 5 && sim.host(other).up) {
                partition(sim, rnd);
            } else if (op == 4) {
                h.rm.setMaintenance(true, sim.now());
                sim.advance(rnd.nextInt(5_000));
                h.rm.setMaintenance(false, sim.now());
            }
            sim.advance(rnd.nextInt(15_000));
            assertEquals(List.of(), sim.violations, () -> "seed " + seed + " " + trace);
        }
        for (String n : List.of("a", "b")) {
            if (!sim.host(n).up) {
                sim.startTogether(n);
            }
        }
        sim.advance(60_000);
        sim.placement().forEach((k, holders) -> assertEquals(1, holders.size(),
                () -> "seed " + seed + ": " + k + " held by " + holders + " after " + trace));
        assertEquals(List.of(), sim.violations, () -> "seed " + seed + " " + trace);
    }

    @TestFactory
    Stream<DynamicTest> threeNodeSequencesKeepOneCopyAndConverge() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            long s = seed;
            tests.add(DynamicTest.dynamicTest("3 nodes seed " + seed, () -> threeNodes(s)));
        }
        return tests.stream();
    }

    private static void threeNodes(long seed) {
        Random rnd = new Random(seed);
        List<String> names = List.of("a", "b", "c");
        FailoverSim sim = new FailoverSim(names, List.of(FailoverSim.group("ip-a", "a"),
                FailoverSim.group("ip-b", "b"), FailoverSim.group("ip-c", "c"), FailoverSim.group("web-c", "c")),
                AutoFailback.OFF, false, List.of());
        List<String> trace = new ArrayList<>();
        sim.startTogether("a", "b", "c");
        for (int i = 0; i < STEPS; i++) {
            String n = names.get(rnd.nextInt(3));
            SimHost h = sim.host(n);
            int op = rnd.nextInt(5);
            trace.add(sim.nowMs() + " " + n + " op" + op);
            long upCount = sim.hosts.values().stream().filter(x -> x.up).count();
            if (!h.up) {
                if (op < 3) {
                    sim.startTogether(n);
                }
            } else if (op == 0 && upCount > 1) {
                sim.powerOff(n);
                sim.advance(rnd.nextInt(3_000));
                sim.declareDead(n);
            } else if (op == 1 && upCount > 1) {
                h.rm.shutdown(sim.now());
            } else if (op == 2) {
                h.rm.setMaintenance(true, sim.now());
                sim.advance(rnd.nextInt(5_000));
                h.rm.setMaintenance(false, sim.now());
            }
            sim.advance(rnd.nextInt(15_000));
            assertEquals(List.of(), sim.violations, () -> "seed " + seed + " " + trace);
        }
        names.stream().filter(n -> !sim.host(n).up).forEach(sim::startTogether);
        sim.advance(60_000);
        sim.placement().forEach((k, holders) -> assertEquals(1, holders.size(),
                () -> "seed " + seed + ": " + k + " held by " + holders + " after " + trace));
        assertEquals(List.of(), sim.violations, () -> "seed " + seed + " " + trace);
    }
}
