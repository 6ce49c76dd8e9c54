package org.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deadline and the never-twice-at-once rule. Waits only on latches and short deadlines. */
class CheckRunnerTest {

    private static HealthCheck check(String name, Body body) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String type() {
                return "test";
            }

            @Override
            public CheckResult run(CheckContext context) throws Exception {
                return body.run(context);
            }
        };
    }

    interface Body {
        CheckResult run(CheckContext ctx) throws Exception;
    }

    @Test
    void resultAndDurationArePassedOn() {
        try (CheckRunner r = new CheckRunner()) {
            CheckResult res = r.run(check("a", c -> CheckResult.ok("fine")), Duration.ofSeconds(5)).orElseThrow();
            assertEquals(CheckStatus.OK, res.status());
            assertEquals("fine", res.summary());
            assertFalse(res.duration().isNegative());
        }
    }

    @Test
    void exceptionIsAnError() {
        try (CheckRunner r = new CheckRunner()) {
            CheckResult res = r.run(check("a", c -> {
                throw new IllegalStateException("boom");
            }), Duration.ofSeconds(5)).orElseThrow();
            assertEquals(CheckStatus.ERROR, res.status());
            assertTrue(res.summary().contains("boom"));
        }
    }

    @Test
    void hangingCheckTimesOutAndItsAbandonHookRuns() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch hookRan = new CountDownLatch(1);
        try (CheckRunner r = new CheckRunner()) {
            long t0 = System.nanoTime();
            CheckResult res = r.run(check("hang", c -> {
                c.onAbandon(hookRan::countDown);
                never.await();
                return CheckResult.ok("never");
            }), Duration.ofMillis(200)).orElseThrow();
            assertEquals(CheckStatus.TIMEOUT, res.status());
            assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(1200));
            assertTrue(hookRan.await(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void lateOkIsStillATimeout() {
        try (CheckRunner r = new CheckRunner()) {
            // a check that ignores the deadline while the deadline is tiny; it answers within the grace
            CheckResult res = r.run(check("late", c -> {
                while (!c.expired()) {
                    Thread.onSpinWait();
                }
                return CheckResult.ok("done");
            }), Duration.ofMillis(20)).orElseThrow();
            assertEquals(CheckStatus.TIMEOUT, res.status(), res::toString);
        }
    }

    @Test
    void aRunStillGoingMakesTheNextOneSkip() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        HealthCheck stubborn = check("stubborn", c -> {
            try {
                // ignores interrupts, like a thread stuck in native I/O
                while (!release.await(1, TimeUnit.SECONDS)) {
                    Thread.onSpinWait();
                }
            } catch (InterruptedException e) {
                release.await();
            } finally {
                finished.countDown();
            }
            return CheckResult.ok("late");
        });
        try (CheckRunner r = new CheckRunner()) {
            assertEquals(CheckStatus.TIMEOUT, r.run(stubborn, Duration.ofMillis(50)).orElseThrow().status());
            assertTrue(r.isRunning("stubborn"));
            Optional<CheckResult> second = r.run(stubborn, Duration.ofMillis(50));
            assertTrue(second.isEmpty());
            assertEquals(1, r.skippedRuns("stubborn"));
            release.countDown();
            assertTrue(finished.await(5, TimeUnit.SECONDS));
            // the in-flight mark is cleared in the same finally, just after: poll on real progress
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (r.isRunning("stubborn") && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertEquals(CheckStatus.OK, r.run(stubborn, Duration.ofSeconds(5)).orElseThrow().status());
        }
    }
}
