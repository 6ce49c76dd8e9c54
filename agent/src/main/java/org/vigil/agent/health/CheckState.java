package org.vigil.agent.health;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest known state of one check, as the status file and {@code vigil checks} show it.
 * Holds no option values, so never a password.
 *
 * @param name                the check
 * @param group               the resource group it watches
 * @param type                the check type ({@code http}, {@code tcp}, ...)
 * @param status              the last result's status ({@code OK}, {@code FAILED}, {@code TIMEOUT},
 *                            {@code ERROR}), or {@code PENDING} before the first run
 * @param state               what the alert policy makes of it: {@code UNKNOWN}, {@code UP},
 *                            {@code DOWN}, {@code FLAPPING}
 * @param summary             the last result's summary line
 * @param lastRun             when the last result came, null before the first
 * @param lastChange          when status, state or ineligibility last changed (the start first)
 * @param failuresInARow      failed results since the last success
 * @param failCount           failures the escalation still counts (Pacemaker's fail count, aged
 *                            by {@code failure_timeout})
 * @param ineligible          true while this node must not hold the group because of this check
 * @param ineligibleUntil     when that ends if the check stops failing; null: until cleared
 *                            (or not ineligible)
 * @param runs                results received
 * @param skipped             due runs skipped (exclude_period, or the last run still going)
 */
public record CheckState(String name, String group, String type, String status, String state, String summary,
        Instant lastRun, Instant lastChange, int failuresInARow, int failCount, boolean ineligible,
        Instant ineligibleUntil, long runs, long skipped) {

    /** The status before the first result. */
    public static final String PENDING = "PENDING";

    public CheckState {
        Objects.requireNonNull(name, "name");
        summary = summary == null ? "" : summary;
    }

    /**
     * @return true if the two differ in anything an operator looks at; the run and skip counters
     *     and the last run time change on every run and do not count, so that a steady state
     *     does not rewrite the status file every second
     */
    boolean differsVisiblyFrom(CheckState o) {
        return !(status.equals(o.status) && state.equals(o.state) && summary.equals(o.summary)
                && Objects.equals(lastChange, o.lastChange) && failuresInARow == o.failuresInARow
                && failCount == o.failCount && ineligible == o.ineligible
                && Objects.equals(ineligibleUntil, o.ineligibleUntil));
    }
}
