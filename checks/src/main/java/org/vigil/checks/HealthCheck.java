package org.vigil.checks;

import java.time.Duration;

/**
 * One configured health check (a mon "service" with its "monitor").
 *
 * <p>Implementations do the probing only. They should honour {@link CheckContext#remaining()} for
 * their socket and process timeouts so that they return a proper result, but they need not be
 * perfect: the {@link CheckRunner} enforces the total deadline regardless, interrupting and then
 * abandoning a run that overstays it. Implementations must be safe to call from any thread, but
 * the runner never calls {@link #run} concurrently for the same check.
 */
public interface HealthCheck {

    /** The default total deadline when a check is configured without {@code timeout}. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** @return the unique name of this check (mon: {@code group/service}). */
    String name();

    /** @return the type name it was built from, e.g. {@code http} or {@code script}. */
    String type();

    /** @return the one total deadline for a run, connect and everything else included. */
    default Duration timeout() {
        return DEFAULT_TIMEOUT;
    }

    /**
     * Probes the service once.
     *
     * @param context the deadline and clean-up hooks of this run
     * @return the result; a thrown exception is reported by the runner as {@link CheckStatus#ERROR}
     *     (or {@link CheckStatus#TIMEOUT} when the deadline had passed)
     * @throws Exception anything; the runner turns it into a result
     */
    CheckResult run(CheckContext context) throws Exception;
}
