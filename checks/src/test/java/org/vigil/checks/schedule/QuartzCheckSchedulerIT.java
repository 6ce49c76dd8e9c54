package org.vigil.checks.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckRunner;
import org.vigil.checks.HealthCheck;

/** Quartz really fires: a check at a 200 ms interval runs a few times; runNow and cancel work. */
class QuartzCheckSchedulerIT {

    @Test
    void firesRepeatedlyRunsNowAndCancels() throws InterruptedException {
        CountDownLatch three = new CountDownLatch(3);
        CountDownLatch forced = new CountDownLatch(1);
        Recorder rec = new Recorder() {
            @Override
            public void onResult(HealthCheck check, CheckResult result, Instant at) {
                super.onResult(check, result, at);
                if (check.name().equals("fast")) {
                    three.countDown();
                } else {
                    forced.countDown();
                }
            }
        };
        try (CheckRunner runner = new CheckRunner();
                QuartzCheckScheduler s = new QuartzCheckScheduler(runner::run, rec, 2, 7)) {
            s.schedule(new ScriptedCheck("fast"), Schedule.every(Duration.ofMillis(200)));
            assertTrue(three.await(10, TimeUnit.SECONDS), "three runs within 10 s");

            s.schedule(new ScriptedCheck("slow"), Schedule.every(Duration.ofHours(1)));
            // its first run is at once; runNow gives a second one long before the hour is up
            assertTrue(s.runNow("slow"));
            assertTrue(forced.await(10, TimeUnit.SECONDS));

            assertTrue(s.cancel("fast"));
            int runs = countFast(rec);
            assertEquals(java.util.Set.of("slow"), s.scheduled());
            // a run already under way when cancelled may still report; none after that
            assertTrue(countFast(rec) <= runs + 1);
        }
    }

    /** Two checks that can only finish together: they must run at the same time, on two pool threads. */
    @Test
    void checksRunConcurrently() throws InterruptedException {
        java.util.concurrent.CyclicBarrier both = new java.util.concurrent.CyclicBarrier(2);
        CountDownLatch done = new CountDownLatch(2);
        Recorder rec = new Recorder() {
            @Override
            public void onResult(HealthCheck check, CheckResult result, Instant at) {
                super.onResult(check, result, at);
                if (result.status() == org.vigil.checks.CheckStatus.OK) {
                    done.countDown();
                }
            }
        };
        try (CheckRunner runner = new CheckRunner();
                QuartzCheckScheduler s = new QuartzCheckScheduler(runner::run, rec, 2, 7)) {
            for (String name : java.util.List.of("a", "b")) {
                s.schedule(new MeetingCheck(name, both), Schedule.every(Duration.ofHours(1)));
            }
            assertTrue(done.await(10, TimeUnit.SECONDS), "both checks met: " + rec.events);
        }
    }

    /** Waits (at most 5 s) for the other check to be running too. */
    private record MeetingCheck(String name, java.util.concurrent.CyclicBarrier barrier) implements HealthCheck {
        @Override
        public String type() {
            return "meeting";
        }

        @Override
        public CheckResult run(org.vigil.checks.CheckContext context) throws Exception {
            barrier.await(5, TimeUnit.SECONDS);
            return CheckResult.ok("met");
        }
    }

    private static int countFast(Recorder rec) {
        synchronized (rec.events) {
            return (int) rec.events.stream().filter(e -> e.check().equals("fast")).count();
        }
    }
}
