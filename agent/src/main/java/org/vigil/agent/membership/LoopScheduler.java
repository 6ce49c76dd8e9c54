package org.vigil.agent.membership;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The single thread that owns membership, seen as an executor plus a periodic timer. Production
 * uses {@link ExecutorLoopScheduler}; tests use a manual scheduler driven by a fake ticker.
 * Implementations must run every task on one thread, one at a time, in submission order.
 */
public interface LoopScheduler extends Executor, AutoCloseable {

    /** A periodic task that can be stopped. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} every {@code period} after {@code initialDelay}, on the loop thread. */
    Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period);

    /** Stops the loop; pending tasks may be dropped. */
    @Override
    void close();
}
