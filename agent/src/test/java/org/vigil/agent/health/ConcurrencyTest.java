package org.vigil.agent.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.health.Fixture.T0;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.CheckResult;
import org.vigil.checks.HealthCheck;

/**
 * Results arriving on several threads at once, as from the Quartz pool: every decision is made
 * exactly once and in order per check, actions never run under the state lock, and an action
 * that waits for another thread using the service does not deadlock. Bounded: every wait has a
 * time limit, and the assertions are exact counts, not timings.
 */
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int CHECKS_PER_THREAD = 2;
    private static final int RESULTS = 25;

    @TempDir
    Path dir;

    @Test
    void resultsFromSeveralThreads_giveEveryDecisionOnceAndInOrder() throws Exception {
        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < THREADS * CHECKS_PER_THREAD; i++) {
            names.add("c" + i);
            text.append("watch g").append(i).append("\n  service c").append(i)
                    .append("\n    monitor tcp host=127.0.0.1 port=1\n    interval 1h\n    on_fail move\n")
                    .append("    resource r").append(i).append("\n    max_restarts 2\n");
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Fixture f = new Fixture(text.toString(), dir).start()) {
            // a move action that needs another thread to read the service: deadlocks if called under the lock
            f.actions.onMove = check -> {
                try {
                    CompletableFuture.supplyAsync(f.service::snapshot, other).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("an action could not use the service from another thread", e);
                }
            };
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<String> mine = names.subList(t * CHECKS_PER_THREAD, (t + 1) * CHECKS_PER_THREAD);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int r = 0; r < RESULTS; r++) {
                        for (String name : mine) {
                            f.service.listener().onResult(check(name), CheckResult.failed("refused " + r),
                                    T0.plusSeconds(r));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> d : done) {
                d.get(30, TimeUnit.SECONDS);
            }

            List<String> calls = f.actions.calls();
            assertEquals(List.of(), f.actions.problems());
            assertEquals(names.size() * (RESULTS + 3), calls.size());
            for (int i = 0; i < names.size(); i++) {
                String c = "c" + i;
                List<String> mine = calls.stream().filter(l -> l.contains(" " + c + " ")).toList();
                List<String> expected = new ArrayList<>();
                for (int r = 0; r < RESULTS; r++) {
                    expected.add("alert FAILURE " + c + " g" + i + " #" + (r + 1) + ": refused " + r);
                    if (r < 2) {
                        expected.add("restart g" + i + " r" + i + " " + c + " " + (r + 1) + "/2");
                    } else if (r == 2) {
                        expected.add("move g" + i + " " + c + " until cleared");
                    }
                }
                assertEquals(expected, mine, "decisions of " + c + " once each, in order");
                CheckState s = f.state(c);
                assertEquals(RESULTS, s.failuresInARow());
                assertEquals(RESULTS, s.runs());
                assertTrue(s.ineligible());
            }
            // the file, written by whichever thread got there, ends with the final state
            assertEquals(f.service.snapshot(), StatusFile.read(f.statusFile).checks());
        } finally {
            pool.shutdownNow();
            other.shutdownNow();
        }
    }

    private static HealthCheck check(String name) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String type() {
                return "tcp";
            }

            @Override
            public CheckResult run(org.vigil.checks.CheckContext context) {
                throw new UnsupportedOperationException("results are injected");
            }
        };
    }

}
