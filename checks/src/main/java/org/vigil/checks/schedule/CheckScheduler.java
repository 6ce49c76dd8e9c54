package org.vigil.checks.schedule;

import java.util.Set;
import org.vigil.checks.HealthCheck;

/**
 * Runs checks on their {@link Schedule}s and reports to a {@link CheckListener}.
 *
 * <p>Semantics shared by all implementations: the first run comes after a random delay within
 * {@code randskew} (at once without it); after each run the next is due after
 * {@code failure_interval} if the run failed (a TIMEOUT or ERROR is a failure) and
 * {@code interval} otherwise, each moved by a random skew within {@code randskew}. A due run
 * inside {@code exclude_period} is skipped and reported, and the next one is planned as after a
 * run. The random source is seeded, so a test can replay a schedule.
 */
public interface CheckScheduler extends AutoCloseable {

    /**
     * Starts running a check.
     *
     * @throws IllegalArgumentException if a check of that name is already scheduled
     */
    void schedule(HealthCheck check, Schedule schedule);

    /** Stops scheduling the named check; a run already going finishes. @return false if unknown. */
    boolean cancel(String checkName);

    /**
     * Runs the named check as soon as possible, regardless of exclude_period (an operator asked),
     * then plans the next run from then. @return false if unknown.
     */
    boolean runNow(String checkName);

    /** @return the names of the scheduled checks */
    Set<String> scheduled();

    /** Stops all scheduling; runs already going are left to their deadline. */
    @Override
    void close();
}
