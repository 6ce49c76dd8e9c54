package org.vigil.checks;

/**
 * Outcome of one check run. Only {@link #OK} is a success: a timeout is a failure like any other
 * (keepalived#535 is what happens when it is not), and so is a check that could not even run.
 */
public enum CheckStatus {
    /** The service answered as expected (mon: exit 0). */
    OK,
    /** The service answered wrongly or refused (mon: exit non-zero). */
    FAILED,
    /** No answer before the check's total deadline. */
    TIMEOUT,
    /** The check itself broke (bad program path, unexpected exception): still a failure. */
    ERROR;

    /** @return true for every status except {@link #OK}. */
    public boolean isFailure() {
        return this != OK;
    }
}
