package org.vigil.agent.testing.netns;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling: evaluate a probe until its value is accepted or a deadline passes. Tests use
 * this instead of fixed sleeps, so they are as fast as the system under test allows and still
 * fail with a clear message (including the last value seen) when it does not get there.
 */
public final class Poll {
    private Poll() {
    }

    /**
     * Polls {@code probe} every {@code interval} until {@code accept} holds, and returns that value.
     *
     * @throws AssertionError when {@code timeout} passes first
     */
    public static <T> T until(String what, Duration timeout, Duration interval, Supplier<T> probe,
                              Predicate<? super T> accept) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (accept.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                AssertionError failure = new AssertionError("timed out after " + timeout.toMillis()
                        + " ms waiting for " + what + "; last value: " + last);
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            sleep(Math.min(interval.toNanos(), left));
        }
    }

    /** Polls a condition; see {@link #until}. */
    public static void until(String what, Duration timeout, Duration interval, Supplier<Boolean> condition) {
        until(what, timeout, interval, condition, Boolean.TRUE::equals);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
