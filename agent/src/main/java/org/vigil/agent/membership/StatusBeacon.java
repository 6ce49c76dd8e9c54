package org.vigil.agent.membership;

import java.time.Duration;

/**
 * When to send our status and which {@code dt} to advertise. Sends are paced on a fixed grid
 * (start + k x keepalive) so tick jitter does not accumulate into drift.
 *
 * <p>For the first 5 s Heartbeat advertises deadtime + 2000 ms [heartbeat.md §3, LAB {@code
 * dt=1f40} then {@code 1770}], giving peers slack while our start-up settles.
 */
final class StatusBeacon {

    static final long STARTUP_WINDOW_NANOS = Duration.ofSeconds(5).toNanos();
    static final long STARTUP_BONUS_MS = 2000;

    private final long keepaliveNanos;
    private final long deadtimeMs;
    private final long startNanos;
    private long nextSend;

    StatusBeacon(Duration keepalive, Duration deadtime, long startNanos) {
        this.keepaliveNanos = keepalive.toNanos();
        this.deadtimeMs = deadtime.toMillis();
        this.startNanos = startNanos;
        this.nextSend = startNanos;
    }

    /** True if a status is due at {@code now}; advances the grid past {@code now}. */
    boolean due(long now) {
        if (now - nextSend < 0) {
            return false;
        }
        while (now - nextSend >= 0) {
            nextSend += keepaliveNanos; // skip sends a stalled loop missed rather than burst them
        }
        return true;
    }

    long advertisedDeadtimeMs(long now) {
        return now - startNanos < STARTUP_WINDOW_NANOS ? deadtimeMs + STARTUP_BONUS_MS : deadtimeMs;
    }
}
