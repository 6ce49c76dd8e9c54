package org.vigil.agent.membership;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoopScheduler} on one dedicated daemon thread ({@code vigil-membership}). The JDK
 * executor paces ticks with its own monotonic clock; no liveness decision depends on that
 * pacing, only on the {@code now} read from the agent's Ticker when the tick runs.
 */
public final class ExecutorLoopScheduler implements LoopScheduler {

    private final ScheduledExecutorService executor;

    public ExecutorLoopScheduler() {
        this(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-membership");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Wraps an executor that the caller guarantees to be single-threaded. */
    public ExecutorLoopScheduler(ScheduledExecutorService singleThreaded) {
        this.executor = singleThreaded;
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(task, initialDelay.toNanos(),
                period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
