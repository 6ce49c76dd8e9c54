package org.vigil.checks.schedule;

import java.util.Optional;
import org.vigil.checks.CheckResult;
import org.vigil.checks.HealthCheck;

/**
 * Runs one check once. In production {@code CheckRunner::run} (deadline enforced, never twice at
 * once); tests may call the check directly.
 */
@FunctionalInterface
public interface CheckExecutor {

    /** @return the result, or empty when the run was skipped because the last one is still going */
    Optional<CheckResult> execute(HealthCheck check);
}
