package org.vigil.checks.policy;

/** What the alert policy makes of a check's recent results. */
public enum ServiceState {
    /** No result yet. */
    UNKNOWN,
    /** Up (never failed, or recovered after {@code rise} successes). */
    UP,
    /** Down: failed {@code alertafter} times. */
    DOWN,
    /** Changing state too often; alerts are held back until it settles. */
    FLAPPING
}
