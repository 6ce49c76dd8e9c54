package org.vigil.checks.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.vigil.checks.CheckResult;
import org.vigil.checks.HealthCheck;

/**
 * What happens when a scheduled check is due, shared by the Quartz and manual schedulers: skip
 * inside the exclude period, otherwise run, report, and remember pass/fail for the next delay.
 */
final class ScheduledCheck {

    private final HealthCheck check;
    private final Schedule schedule;
    private final CheckExecutor executor;
    private final CheckListener listener;
    private volatile boolean failing;
    private volatile boolean cancelled;

    ScheduledCheck(HealthCheck check, Schedule schedule, CheckExecutor executor, CheckListener listener) {
        this.check = check;
        this.schedule = schedule;
        this.executor = executor;
        this.listener = listener;
    }

    HealthCheck check() {
        return check;
    }

    String name() {
        return check.name();
    }

    boolean failing() {
        return failing;
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    Duration firstDelay(RandomGenerator random) {
        return schedule.firstDelay(random);
    }

    /**
     * Handles one due time.
     *
     * @param now    when it is (the manual scheduler's virtual time, or the clock)
     * @param zone   the zone whose wall clock the exclude period speaks of
     * @param forced true for runNow: the exclude period does not apply
     * @return the delay until the next run
     */
    Duration fire(Instant now, ZoneId zone, boolean forced, RandomGenerator random) {
        if (!forced && schedule.excludePeriod() != null
                && schedule.excludePeriod().contains(now.atZone(zone).toLocalDateTime())) {
            listener.onSkipped(check, CheckListener.SkipReason.EXCLUDED, now);
        } else {
            Optional<CheckResult> r = executor.execute(check);
            if (r.isPresent()) {
                failing = r.get().isFailure();
                listener.onResult(check, r.get(), now);
            } else {
                listener.onSkipped(check, CheckListener.SkipReason.STILL_RUNNING, now);
            }
        }
        return schedule.nextDelay(failing, random);
    }
}
