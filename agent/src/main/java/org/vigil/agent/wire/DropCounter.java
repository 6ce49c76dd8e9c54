package org.vigil.agent.wire;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import org.vigil.agent.time.Ticker;

/**
 * Counts dropped frames per {@link DropReason} and logs them rate-limited: at most one line per
 * reason per interval, carrying the sender and how many similar drops were suppressed since the
 * last line. A hostile or misconfigured peer (wrong key, old Heartbeat with crc) would otherwise
 * fill the log at packet rate; Heartbeat itself logs every bad packet unless
 * {@code log_badpack off}, which callers get by passing a no-op sink.
 *
 * <p>Thread-safe: several media may receive concurrently.
 */
public final class DropCounter {

    private static final DropReason[] REASONS = DropReason.values();

    private final Ticker ticker;
    private final long intervalNanos;
    private final Consumer<String> log;
    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);
    private final long[] nextLogAt = new long[REASONS.length];
    private final boolean[] loggedBefore = new boolean[REASONS.length];
    private final long[] suppressed = new long[REASONS.length];

    /**
     * @param ticker      monotonic time source for the rate limit
     * @param logInterval minimum spacing between two lines for the same reason
     * @param log         where lines go (a logger's warn method, or a no-op)
     */
    public DropCounter(Ticker ticker, Duration logInterval, Consumer<String> log) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.intervalNanos = logInterval.toNanos();
        this.log = Objects.requireNonNull(log, "log");
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("negative interval");
        }
    }

    /**
     * Counts one drop and logs it unless the reason was logged within the interval.
     *
     * @param sender the peer address (anything with a useful toString), or null if unknown
     */
    public void record(DecodeResult.Rejected drop, Object sender) {
        int r = drop.reason().ordinal();
        counts.incrementAndGet(r);
        String line = null;
        synchronized (this) {
            long now = ticker.nanoTime();
            // Overflow-safe: compare the difference, never the readings themselves.
            if (!loggedBefore[r] || now - nextLogAt[r] >= 0) {
                long skipped = suppressed[r];
                suppressed[r] = 0;
                loggedBefore[r] = true;
                nextLogAt[r] = now + intervalNanos;
                line = format(drop, sender, skipped);
            } else {
                suppressed[r]++;
            }
        }
        if (line != null) {
            log.accept(line);
        }
    }

    private static String format(DecodeResult.Rejected drop, Object sender, long skipped) {
        StringBuilder sb = new StringBuilder("dropped packet from ")
                .append(sender == null ? "unknown sender" : sender)
                .append(": ").append(drop.reason().description())
                .append(" (").append(drop.detail()).append(')');
        if (skipped > 0) {
            sb.append("; ").append(skipped).append(" similar drop(s) not logged");
        }
        return sb.toString();
    }

    /** Drops counted for one reason since creation. */
    public long count(DropReason reason) {
        return counts.get(reason.ordinal());
    }

    /** Drops counted for all reasons. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** A point-in-time copy of all non-zero counts (for status output or SNMP). */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
        for (DropReason reason : REASONS) {
            long c = counts.get(reason.ordinal());
            if (c > 0) {
                out.put(reason, c);
            }
        }
        return out;
    }
}
