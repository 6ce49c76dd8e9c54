package org.vigil.agent.testing;

import java.time.Duration;
import java.util.PriorityQueue;

import org.vigil.agent.membership.LoopScheduler;
import org.vigil.agent.time.FakeTicker;

/**
 * A {@link LoopScheduler} whose time is a {@link FakeTicker} and which runs tasks only when the
 * test says so. {@link #advance} moves the ticker to each due task in turn, so a task always
 * sees {@code now} equal to its due time. Ties run in submission order, which keeps simulations
 * deterministic. Due times are compared by difference, so the ticker may wrap past
 * {@link Long#MAX_VALUE} (the FakeTicker default start is one minute before that).
 */
public final class ManualScheduler implements LoopScheduler {

    private final FakeTicker ticker;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long submissions;
    private long executed;
    private boolean closed;

    public ManualScheduler(FakeTicker ticker) {
        this.ticker = ticker;
    }

    public FakeTicker ticker() {
        return ticker;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, Duration.ZERO);
    }

    /** Runs {@code command} once, {@code delay} from now. */
    public Cancellable schedule(Runnable command, Duration delay) {
        return add(command, ticker.nanoTime() + delay.toNanos(), 0);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be > 0");
        }
        return add(task, ticker.nanoTime() + initialDelay.toNanos(), period.toNanos());
    }

    /** Runs every task due now (including those they submit for now). */
    public void runPending() {
        advance(Duration.ZERO);
    }

    /** Moves time forward by {@code by}, running each task at its due time. */
    public void advance(Duration by) {
        long target = ticker.nanoTime() + by.toNanos();
        Task next;
        while ((next = queue.peek()) != null && next.due - target <= 0) {
            queue.poll();
            if (next.cancelled) {
                continue;
            }
            long wait = next.due - ticker.nanoTime();
            if (wait > 0) {
                ticker.advance(Duration.ofNanos(wait));
            }
            if (next.period > 0) {
                next.due += next.period;
                queue.add(next);
            }
            executed++;
            next.command.run();
        }
        long rest = target - ticker.nanoTime();
        if (rest > 0) {
            ticker.advance(Duration.ofNanos(rest));
        }
    }

    /** Tasks run so far; lets tests prove work happened. */
    public long executed() {
        return executed;
    }

    public int queued() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    private Cancellable add(Runnable command, long due, long period) {
        if (closed) {
            throw new IllegalStateException("scheduler closed");
        }
        Task t = new Task(command, due, period, submissions++);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    private static final class Task implements Comparable<Task> {
        final Runnable command;
        final long period;
        final long order;
        long due;
        boolean cancelled;

        Task(Runnable command, long due, long period, long order) {
            this.command = command;
            this.due = due;
            this.period = period;
            this.order = order;
        }

        @Override
        public int compareTo(Task o) {
            long d = due - o.due; // wrap-safe while tasks are within 292 years of each other
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
            return Long.compare(order, o.order);
        }
    }
}
