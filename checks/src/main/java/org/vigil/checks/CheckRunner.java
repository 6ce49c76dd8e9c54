package org.vigil.checks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks with one total deadline each, on its own threads.
 *
 * <p>The caller's thread waits at most for the deadline (plus a short grace so that a check that
 * honours its own timeouts can report the detail itself). When the deadline passes the runner
 * runs the context's abandon hooks (the script check kills its process tree there), interrupts
 * the check's thread and returns {@link CheckStatus#TIMEOUT}: a hung check is a failed check,
 * never a stuck caller.
 *
 * <p>A check never runs twice at once. While a run is still going (including a run that was
 * abandoned but whose thread has not yet come back), a new request for the same check name is
 * skipped and counted, like mon does with a monitor that outlives its interval; {@link #run}
 * then returns an empty Optional.
 */
public final class CheckRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    private static final Duration MAX_GRACE = Duration.ofMillis(100);

    private final ExecutorService executor;
    private final ConcurrentMap<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> skipped = new ConcurrentHashMap<>();

    public CheckRunner() {
        // unbounded and cached: a hung check must not starve the others of threads; daemon
        // threads so that an abandoned check never keeps the JVM alive
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    /** Runs the check with its own {@link HealthCheck#timeout()}. */
    public Optional<CheckResult> run(HealthCheck check) {
        return run(check, check.timeout());
    }

    /**
     * Runs the check once and waits for its result, never longer than {@code timeout} plus a
     * grace of at most 100 ms.
     *
     * @return the result, or empty when the previous run of this check is still going
     */
    public Optional<CheckResult> run(HealthCheck check, Duration timeout) {
        String name = check.name();
        if (inFlight.putIfAbsent(name, Boolean.TRUE) != null) {
            long n = skipped.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
            LOG.warn("check {}: previous run still going, run skipped ({} skipped so far)", name, n);
            return Optional.empty();
        }
        CheckContext ctx = new CheckContext(name, timeout);
        Future<CheckResult> future;
        try {
            future = executor.submit(() -> {
                try {
                    return check.run(ctx);
                } finally {
                    inFlight.remove(name);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(name);
            return Optional.of(CheckResult.error("runner is shut down", ""));
        }
        return Optional.of(await(check, ctx, future).withDuration(ctx.elapsed()));
    }

    private CheckResult await(HealthCheck check, CheckContext ctx, Future<CheckResult> future) {
        Duration grace = ctx.timeout().dividedBy(4);
        if (grace.compareTo(MAX_GRACE) > 0) {
            grace = MAX_GRACE;
        }
        try {
            CheckResult r = future.get(ctx.remaining().plus(grace).toNanos(), TimeUnit.NANOSECONDS);
            if (r == null) {
                return CheckResult.error(check.type() + " check returned no result", "");
            }
            if (r.status() == CheckStatus.OK && ctx.expired()) {
                // one total deadline: a late answer is still a timeout
                return new CheckResult(CheckStatus.TIMEOUT, "answered after the "
                        + Durations.format(ctx.timeout()) + " deadline: " + r.summary(), r.detail(), null);
            }
            return r;
        } catch (TimeoutException e) {
            giveUp(ctx, future);
            return CheckResult.timeout("no result within " + Durations.format(ctx.timeout()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (ctx.expired()) {
                return new CheckResult(CheckStatus.TIMEOUT, "no result within "
                        + Durations.format(ctx.timeout()), describe(cause), null);
            }
            LOG.debug("check {} threw", check.name(), cause);
            return CheckResult.error(check.type() + " check failed: " + describe(cause), "");
        } catch (CancellationException e) {
            return CheckResult.error("cancelled", "");
        } catch (InterruptedException e) {
            giveUp(ctx, future);
            Thread.currentThread().interrupt();
            return CheckResult.error("interrupted while waiting for the check", "");
        }
    }

    private static void giveUp(CheckContext ctx, Future<?> future) {
        ctx.abandon();
        future.cancel(true);
    }

    static String describe(Throwable t) {
        String msg = t.getMessage();
        String cls = t.getClass().getSimpleName();
        return msg == null || msg.isBlank() ? cls : cls + ": " + msg;
    }

    /** @return true while a run of the named check is going (or abandoned and not yet back). */
    public boolean isRunning(String checkName) {
        return inFlight.containsKey(checkName);
    }

    /** @return how many runs of the named check were skipped because one was still going. */
    public long skippedRuns(String checkName) {
        AtomicLong n = skipped.get(checkName);
        return n == null ? 0 : n.get();
    }

    /** Interrupts whatever is running and stops accepting runs. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "vigil-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
