package org.vigil.checks.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.vigil.checks.CheckOptions;

/**
 * When a check runs, in mon's words.
 *
 * @param interval        time between runs while the check passes ({@code interval})
 * @param failureInterval time between runs while it fails, to notice recovery sooner
 *                        ({@code failure_interval}); null means {@code interval}
 * @param randSkew        each delay is moved by a random amount in [-randskew, +randskew]
 *                        ({@code randskew}) so that checks do not run in lock-step; the first
 *                        run happens after a random delay in [0, randskew]. Zero for none.
 * @param excludePeriod   runs that fall in this period are skipped, not postponed
 *                        ({@code exclude_period}); null for none
 */
public record Schedule(Duration interval, Duration failureInterval, Duration randSkew, TimePeriod excludePeriod) {

    /** mon has no default interval; one minute is a sober one. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    public Schedule {
        Objects.requireNonNull(interval, "interval");
        randSkew = randSkew == null ? Duration.ZERO : randSkew;
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (randSkew.isNegative() || randSkew.compareTo(shortest(interval, failureInterval)) >= 0) {
            throw new IllegalArgumentException("randskew must be shorter than interval and failure_interval");
        }
    }

    public static Schedule every(Duration interval) {
        return new Schedule(interval, null, Duration.ZERO, null);
    }

    /**
     * Reads {@code interval}, {@code failure_interval}, {@code randskew} and
     * {@code exclude_period}; problems go to {@link CheckOptions#error} and an empty result.
     */
    public static Optional<Schedule> fromOptions(CheckOptions o) {
        Duration interval = o.duration("interval", DEFAULT_INTERVAL);
        Duration failure = o.duration("failure_interval", null);
        Duration skew = o.optional("randskew").isPresent() ? o.duration("randskew", Duration.ZERO) : Duration.ZERO;
        TimePeriod exclude = null;
        Optional<String> period = o.optional("exclude_period");
        if (period.isPresent()) {
            try {
                exclude = TimePeriod.parse(period.get());
            } catch (IllegalArgumentException e) {
                o.error("exclude_period", e.getMessage());
            }
        }
        if (skew.compareTo(shortest(interval, failure)) >= 0) {
            o.error("randskew", "must be shorter than interval and failure_interval");
        }
        if (!o.errors().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Schedule(interval, failure, skew, exclude));
    }

    private static Duration shortest(Duration a, Duration b) {
        return b != null && b.compareTo(a) < 0 ? b : a;
    }

    public Schedule withFailureInterval(Duration d) {
        return new Schedule(interval, d, randSkew, excludePeriod);
    }

    public Schedule withRandSkew(Duration d) {
        return new Schedule(interval, failureInterval, d, excludePeriod);
    }

    public Schedule withExcludePeriod(TimePeriod p) {
        return new Schedule(interval, failureInterval, randSkew, p);
    }

    /** The delay until the next run after one that passed or failed. Always at least 1 ms. */
    public Duration nextDelay(boolean failing, RandomGenerator random) {
        Duration base = failing && failureInterval != null ? failureInterval : interval;
        return atLeastOneMilli(base.plus(skew(random, true)));
    }

    /** The delay before the first run: a random part of randskew, so that a restart spreads checks out. */
    public Duration firstDelay(RandomGenerator random) {
        return skew(random, false).abs();
    }

    private Duration skew(RandomGenerator random, boolean signed) {
        long max = randSkew.toMillis();
        if (max == 0) {
            return Duration.ZERO;
        }
        long ms = signed ? random.nextLong(-max, max + 1) : random.nextLong(0, max + 1);
        return Duration.ofMillis(ms);
    }

    private static Duration atLeastOneMilli(Duration d) {
        return d.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : d;
    }
}
