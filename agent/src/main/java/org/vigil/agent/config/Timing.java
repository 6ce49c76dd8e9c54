package org.vigil.agent.config;

import java.time.Duration;

/**
 * The failure-detection times, after Heartbeat's derived defaults have been applied: warntime
 * defaults to deadtime/2, deadping to deadtime, initdead per {@link #defaultInitdead(long)}.
 */
public record Timing(Duration keepalive, Duration deadtime, Duration warntime, Duration initdead, Duration deadping) {

    /** Heartbeat's rule for an unset initdead: deadtime above 10 s, 12 s below 6 s, else twice deadtime. */
    public static long defaultInitdead(long deadtimeMs) {
        if (deadtimeMs > 10_000) {
            return deadtimeMs;
        }
        return deadtimeMs < 6_000 ? 12_000 : 2 * deadtimeMs;
    }
}
