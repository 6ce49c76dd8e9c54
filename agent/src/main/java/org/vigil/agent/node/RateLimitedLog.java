package org.vigil.agent.node;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import org.vigil.agent.time.Ticker;

/**
 * At most one line per key per interval, then how many were suppressed: hostile or broken
 * senders must not be able to flood the log (or the disk) by sending garbage.
 */
final class RateLimitedLog {

    private static final System.Logger LOG = System.getLogger(RateLimitedLog.class.getName());

    private final Ticker ticker;
    private final long intervalNanos;
    private final Map<String, long[]> lastAndSuppressed = new HashMap<>();

    RateLimitedLog(Ticker ticker, java.time.Duration interval) {
        this.ticker = ticker;
        this.intervalNanos = interval.toNanos();
    }

    synchronized void log(Level level, String key, String message) {
        long now = ticker.nanoTime();
        long[] state = lastAndSuppressed.get(key);
        if (state != null && now - state[0] < intervalNanos) {
            state[1]++;
            return;
        }
        long suppressed = state == null ? 0 : state[1];
        lastAndSuppressed.put(key, new long[] {now, 0});
        LOG.log(level, message + (suppressed > 0 ? " (" + suppressed + " similar messages suppressed)" : ""));
    }
}
