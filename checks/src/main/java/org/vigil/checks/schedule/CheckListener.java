package org.vigil.checks.schedule;

import java.time.Instant;
import org.vigil.checks.CheckResult;
import org.vigil.checks.HealthCheck;

/** Receives what scheduled checks do; called on a scheduler thread, so it must be quick. */
public interface CheckListener {

    /** A run finished (whatever its status). */
    void onResult(HealthCheck check, CheckResult result, Instant at);

    /** A due run did not happen: the check is in its exclude_period, or its last run is still going. */
    default void onSkipped(HealthCheck check, SkipReason reason, Instant at) {
    }

    /** Why a run was skipped. */
    enum SkipReason {
        /** The time was inside the check's {@code exclude_period}. */
        EXCLUDED,
        /** The previous run had not finished (mon waits too; the run is counted as skipped). */
        STILL_RUNNING
    }
}
