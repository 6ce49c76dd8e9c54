package org.vigil.checks.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A decision of the policy for one check, for the agent to act on (send mail, an SNMP trap,
 * restart a resource, move a resource group). Events are values: the policy itself does nothing.
 */
public sealed interface PolicyEvent {

    /** @return the check the event is about */
    String check();

    /** @return the time the event was decided (the {@code now} passed to the policy) */
    Instant at();

    /** The service is down: mon's alert. {@code number} counts alerts since it went down, from 1. */
    record Alert(String check, String summary, String detail, int number, Instant at) implements PolicyEvent {
    }

    /** The service is up again after a down alert (mon's upalert); {@code downFor} since it went down. */
    record UpAlert(String check, String summary, Duration downFor, Instant at) implements PolicyEvent {
    }

    /** The policy started (mon's startupalert). */
    record StartupAlert(String check, Instant at) implements PolicyEvent {
    }

    /** More than the allowed number of state changes within the flap window; alerts pause. */
    record Flapping(String check, int changes, Duration window, Instant at) implements PolicyEvent {
    }

    /** A whole flap window without a change; {@code up} is the state it settled in. */
    record FlappingEnded(String check, boolean up, Instant at) implements PolicyEvent {
    }

    /** Restart the resource on this node; attempt {@code attempt} of {@code maxAttempts} in the window. */
    record RestartResource(String check, String resource, int attempt, int maxAttempts, Instant at)
            implements PolicyEvent {
    }

    /** Restarting did not help (action {@code restart}): nothing more will be tried until the window frees. */
    record RestartsExhausted(String check, String resource, int restarts, Instant at) implements PolicyEvent {
    }

    /**
     * Move the resource group to the peer; this node is ineligible for the group until the
     * failures age out ({@code until}, null for never) or an operator clears it.
     */
    record MoveGroup(String check, String group, String reason, Instant until, Instant at) implements PolicyEvent {
    }

    /** This node may hold the group again: the failures aged out, or an operator cleared them. */
    record EligibleAgain(String check, String group, boolean byOperator, Instant at) implements PolicyEvent {
    }
}
