package org.vigil.checks.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;

/** Schedules in virtual time: nothing here sleeps. */
class ManualCheckSchedulerTest {

    /** Monday 23 November 2026, 06:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private final Recorder rec = new Recorder();

    private ManualCheckScheduler scheduler(long seed) {
        return new ManualCheckScheduler(c -> Optional.of(run(c)), rec, T0, ZoneOffset.UTC, seed);
    }

    private static CheckResult run(org.vigil.checks.HealthCheck c) {
        try {
            return c.run(new CheckContext(c.name(), Duration.ofSeconds(1)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Instant> at(long... seconds) {
        List<Instant> out = new ArrayList<>();
        for (long s : seconds) {
            out.add(T0.plusSeconds(s));
        }
        return out;
    }

    @Test
    void runsAtOnceThenEveryInterval() {
        try (ManualCheckScheduler s = scheduler(1)) {
            s.schedule(new ScriptedCheck("web"), Schedule.every(Duration.ofSeconds(30)));
            s.advance(Duration.ofSeconds(95));
            assertEquals(at(0, 30, 60, 90), rec.times("OK"));
            assertEquals(Optional.of(T0.plusSeconds(120)), s.nextRun("web"));
            assertEquals(T0.plusSeconds(95), s.now());
        }
    }

    @Test
    void failureIntervalPollsFasterWhileFailing() {
        try (ManualCheckScheduler s = scheduler(1)) {
            s.schedule(new ScriptedCheck("db", CheckResult.failed("down"), CheckResult.timeout("slow"),
                    CheckResult.ok("up")), Schedule.every(Duration.ofSeconds(60)).withFailureInterval(Duration.ofSeconds(10)));
            s.advance(Duration.ofSeconds(150));
            assertEquals(at(0), rec.times("FAILED"));
            assertEquals(at(10), rec.times("TIMEOUT")); // a timeout is a failure: still the fast pace
            assertEquals(at(20, 80, 140), rec.times("OK"));
        }
    }

    @Test
    void randskewJittersWithinBoundsAndIsReproducible() {
        Schedule sched = Schedule.every(Duration.ofSeconds(60)).withRandSkew(Duration.ofSeconds(10));
        List<Instant> first;
        try (ManualCheckScheduler s = scheduler(42)) {
            s.schedule(new ScriptedCheck("a"), sched);
            s.advance(Duration.ofHours(1));
            first = rec.times("OK");
        }
        assertTrue(first.get(0).compareTo(T0.plusSeconds(10)) <= 0);
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < first.size(); i++) {
            Duration gap = Duration.between(first.get(i - 1), first.get(i));
            assertTrue(gap.compareTo(Duration.ofSeconds(50)) >= 0 && gap.compareTo(Duration.ofSeconds(70)) <= 0, gap::toString);
            gaps.add(gap);
        }
        assertTrue(gaps.stream().distinct().count() > 3, "jitter varies: " + gaps);
        rec.events.clear();
        try (ManualCheckScheduler s = scheduler(42)) {
            s.schedule(new ScriptedCheck("a"), sched);
            s.advance(Duration.ofHours(1));
            assertEquals(first, rec.times("OK"), "same seed, same schedule");
        }
        rec.events.clear();
        try (ManualCheckScheduler s = scheduler(43)) {
            s.schedule(new ScriptedCheck("a"), sched);
            s.advance(Duration.ofHours(1));
            assertNotEquals(first, rec.times("OK"));
        }
    }

    @Test
    void excludePeriodSkipsRuns() {
        try (ManualCheckScheduler s = scheduler(1)) {
            ScriptedCheck c = new ScriptedCheck("backup-window");
            // Monday 07:00-07:59 is excluded: the runs due at 07:00, 07:20 and 07:40 are skipped
            s.schedule(c, Schedule.every(Duration.ofMinutes(20)).withExcludePeriod(TimePeriod.parse("wd {Mon} hr {7am-8am}")));
            s.advance(Duration.ofHours(2));
            assertEquals(at(3600, 4800, 6000), rec.times("EXCLUDED"));
            assertEquals(at(0, 1200, 2400, 7200), rec.times("OK"));
            assertEquals(4, c.runs.get());
        }
    }

    @Test
    void runNowIgnoresTheExcludePeriodAndReplans() {
        try (ManualCheckScheduler s = scheduler(1)) {
            s.schedule(new ScriptedCheck("x"), Schedule.every(Duration.ofMinutes(10))
                    .withExcludePeriod(TimePeriod.parse("hr {6am-7am}")));
            s.advance(Duration.ofMinutes(5));
            assertEquals(at(0), rec.times("EXCLUDED"));
            assertTrue(s.runNow("x"));
            assertEquals(at(300), rec.times("OK"));
            assertEquals(Optional.of(T0.plusSeconds(900)), s.nextRun("x"));
            assertFalse(s.runNow("nope"));
        }
    }

    @Test
    void aRunStillGoingIsReportedAsSkipped() {
        Recorder r = new Recorder();
        try (ManualCheckScheduler s = new ManualCheckScheduler(c -> Optional.empty(), r, T0, ZoneOffset.UTC, 1)) {
            s.schedule(new ScriptedCheck("stuck"), Schedule.every(Duration.ofSeconds(30)));
            s.advance(Duration.ofSeconds(30));
            assertEquals(at(0, 30), r.times("STILL_RUNNING"));
        }
    }

    @Test
    void cancelAndDuplicates() {
        try (ManualCheckScheduler s = scheduler(1)) {
            s.schedule(new ScriptedCheck("a"), Schedule.every(Duration.ofSeconds(30)));
            assertThrows(IllegalArgumentException.class,
                    () -> s.schedule(new ScriptedCheck("a"), Schedule.every(Duration.ofSeconds(30))));
            s.advance(Duration.ZERO);
            assertTrue(s.cancel("a"));
            assertFalse(s.cancel("a"));
            s.advance(Duration.ofMinutes(5));
            assertEquals(1, rec.times("OK").size());
            assertEquals(java.util.Set.of(), s.scheduled());
        }
    }

    @Test
    void scheduleFromMonOptions() {
        CheckOptions o = new CheckOptions("web", Map.of("interval", "5m", "failure_interval", "30s",
                "randskew", "10s", "exclude_period", "wd {Sat-Sun}"));
        Schedule sc = Schedule.fromOptions(o).orElseThrow();
        assertEquals(Duration.ofMinutes(5), sc.interval());
        assertEquals(Duration.ofSeconds(30), sc.failureInterval());
        assertEquals(Duration.ofSeconds(10), sc.randSkew());
        assertTrue(o.errors().isEmpty());

        CheckOptions bad = new CheckOptions("web", Map.of("interval", "30s", "randskew", "1m",
                "exclude_period", "weekday {Funday}"));
        assertTrue(Schedule.fromOptions(bad).isEmpty());
        assertEquals(2, bad.errors().size(), bad.errors().toString());
    }
}
