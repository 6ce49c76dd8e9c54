package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.FaultPlan;
import org.vigil.agent.testing.SimCluster;
import org.vigil.agent.testing.SimNode;

/**
 * Membership decisions depend only on differences of Ticker readings: (1) no membership source
 * reads a clock; (2) shifting the ticker's origin (0, negative, across the Long wrap) changes
 * nothing in a lossy 8-node run; so a wall-clock step, which the monotonic Ticker does not see
 * anyway, cannot declare anyone dead.
 */
class WallClockIndependenceTest {

    private static final Pattern CLOCK = Pattern.compile(
            "System\\s*\\.\\s*(currentTimeMillis|nanoTime)|Instant\\s*\\.\\s*now|Clock\\s*\\."
                    + "|LocalDateTime|ZonedDateTime|new\\s+Date\\s*\\(");

    @Test
    void membershipSources_readNoClock() throws IOException {
        Path dir = Path.of("src/main/java/org/vigil/agent/membership");
        assertTrue(Files.isDirectory(dir), "run from the agent module: " + dir.toAbsolutePath());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> CLOCK.matcher(read(f)).find())
                    .map(f -> f.getFileName().toString()).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void shiftingTheTickerOrigin_changesNothing() {
        List<String> base = run(0);
        assertTrue(base.stream().anyMatch(l -> l.contains("is dead")), "the run exercises deaths");
        assertEquals(base, run(-Duration.ofDays(3).toNanos()));
        assertEquals(base, run(Long.MAX_VALUE - Duration.ofMinutes(30).toNanos())); // wraps mid-run
        assertEquals(base, run(Long.MIN_VALUE + 17));
    }

    private static List<String> run(long origin) {
        SimCluster c = SimCluster.builder().nodeCount(8).links("eth0", "eth1").seed(7)
                .tickerStart(origin)
                .faults(FaultPlan.perfect().dropRate(0.3).delay(Duration.ofMillis(1), Duration.ofMillis(80)))
                .build();
        c.startAll();
        c.runFor(Duration.ofMinutes(20));
        c.node("n3").crash();
        c.plan().partition(java.util.Set.of("n1", "n2"), java.util.Set.of("n4", "n5", "n6", "n7", "n8"));
        c.runFor(Duration.ofMinutes(20));
        c.plan().heal();
        c.node("n3").restart();
        c.runFor(Duration.ofMinutes(20));
        return c.nodes().stream().flatMap((SimNode n) -> n.log().stream().map(l -> n.name() + " " + l))
                .toList();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
