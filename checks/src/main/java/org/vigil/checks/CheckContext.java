package org.vigil.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running check knows about its run: when it must be finished by, and a place to register
 * clean-up (such as killing a child process) that the runner performs when it abandons the run.
 *
 * <p>Deadlines use {@link System#nanoTime()}, so wall-clock jumps (NTP, a failover that resets the
 * clock) neither cut a check short nor extend it.
 */
public final class CheckContext {

    private final String checkName;
    private final long startNanos;
    private final long deadlineNanos;
    private final List<Runnable> abandonHooks = new ArrayList<>();
    private boolean abandoned;

    public CheckContext(String checkName, Duration timeout) {
        this(checkName, timeout, System.nanoTime());
    }

    CheckContext(String checkName, Duration timeout, long startNanos) {
        this.checkName = checkName;
        this.startNanos = startNanos;
        this.deadlineNanos = startNanos + timeout.toNanos();
    }

    public String checkName() {
        return checkName;
    }

    /** @return the total deadline this run was given. */
    public Duration timeout() {
        return Duration.ofNanos(deadlineNanos - startNanos);
    }

    /** @return time left before the deadline, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** @return the time left, at least 1 ms, capped by {@code cap}; for APIs that treat 0 as "forever". */
    public Duration remainingAtMost(Duration cap) {
        Duration r = remaining();
        if (cap != null && cap.compareTo(r) < 0) {
            r = cap;
        }
        return r.isZero() ? Duration.ofMillis(1) : r;
    }

    /** Same as {@link #remainingAtMost} in whole milliseconds, at least 1, at most Integer.MAX_VALUE. */
    public int remainingMillisAtMost(Duration cap) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingAtMost(cap).toMillis()));
    }

    public boolean expired() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Registers something to do if the runner gives up on this run (deadline passed). Runs at
     * once if the run was already abandoned. Hooks must be quick and must not throw.
     */
    public void onAbandon(Runnable hook) {
        boolean runNow;
        synchronized (this) {
            runNow = abandoned;
            if (!runNow) {
                abandonHooks.add(hook);
            }
        }
        if (runNow) {
            hook.run();
        }
    }

    /** Called by the runner on the deadline: runs the hooks once. */
    void abandon() {
        List<Runnable> hooks;
        synchronized (this) {
            if (abandoned) {
                return;
            }
            abandoned = true;
            hooks = new ArrayList<>(abandonHooks);
        }
        for (Runnable h : hooks) {
            try {
                h.run();
            } catch (RuntimeException e) {
                // a failing clean-up must not stop the others
            }
        }
    }

    public synchronized boolean isAbandoned() {
        return abandoned;
    }
}
