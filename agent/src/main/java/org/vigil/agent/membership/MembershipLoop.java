package org.vigil.agent.membership;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.vigil.agent.time.Ticker;

/**
 * Runs a {@link Membership} on its own loop: every call into it happens on the scheduler's one
 * thread, so membership keeps plain fields and no locks. Other threads (receivers, JMX, CLI)
 * only {@link #deliver} messages or submit commands and queries; answers are immutable records.
 *
 * <p>Arrival time is read from the ticker when the loop processes a message, not when a receiver
 * thread got it: that keeps every {@code now} that membership sees non-decreasing.
 */
public final class MembershipLoop implements AutoCloseable {

    /** Heartbeat checks timeouts every 250 ms; so do we, or more often for short keepalives. */
    public static final Duration TICK = Duration.ofMillis(250);
    private static final Duration MIN_TICK = Duration.ofMillis(10);

    private static final Logger LOG = Logger.getLogger(MembershipLoop.class.getName());

    private final Membership membership;
    private final Ticker ticker;
    private final LoopScheduler scheduler;
    private LoopScheduler.Cancellable ticking;

    public MembershipLoop(Membership membership, Ticker ticker, LoopScheduler scheduler) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Starts membership and its tick on the loop. */
    public CompletableFuture<Void> start() {
        Duration tick = tickFor(membership.settings().keepalive());
        return submit(m -> {
            m.start(ticker.nanoTime());
            ticking = scheduler.scheduleAtFixedRate(new TickTask(), tick, tick);
        });
    }

    /**
     * 250 ms, or a quarter of keepalive when that is shorter: statuses go out on ticks, so a
     * 250 ms tick would stretch a 100 ms keepalive to 250 ms (and leave no slack under a 300 ms
     * deadtime). Found by the membership benchmark.
     */
    static Duration tickFor(Duration keepalive) {
        Duration quarter = keepalive.dividedBy(4);
        Duration tick = quarter.compareTo(TICK) < 0 ? quarter : TICK;
        return tick.compareTo(MIN_TICK) < 0 ? MIN_TICK : tick;
    }

    /** Hands a decoded message to membership; callable from any thread. */
    public void deliver(Heartbeat msg) {
        Objects.requireNonNull(msg, "msg");
        scheduler.execute(() -> guarded("message " + msg,
                () -> membership.onMessage(msg, ticker.nanoTime())));
    }

    /** An immutable snapshot taken on the loop. */
    public CompletableFuture<MembershipSnapshot> snapshot() {
        CompletableFuture<MembershipSnapshot> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                f.complete(membership.snapshot(ticker.nanoTime()));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Runs a command against membership on the loop (e.g. adding a listener). */
    public CompletableFuture<Void> submit(Consumer<Membership> command) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            try {
                command.accept(membership);
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Graceful stop: sends {@code shutdone} and stops ticking; the scheduler stays open. */
    public CompletableFuture<Void> shutdown() {
        return submit(m -> {
            cancelTicks();
            m.shutdown(ticker.nanoTime());
        });
    }

    /** Stops ticking and closes the scheduler. */
    @Override
    public void close() {
        scheduler.execute(this::cancelTicks);
        scheduler.close();
    }

    private void cancelTicks() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
    }

    private static void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // Never let one bad message or tick kill the loop that declares nodes dead.
            LOG.log(Level.SEVERE, "membership loop: " + what + " failed", e);
        }
    }

    /** The periodic timeout/keepalive job; catches everything so the schedule survives. */
    private final class TickTask implements Runnable {
        @Override
        public void run() {
            guarded("tick", () -> membership.onTick(ticker.nanoTime()));
        }
    }
}
