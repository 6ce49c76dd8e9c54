package org.vigil.checks.policy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.vigil.checks.CheckOptions;

/**
 * What to do about a check that is down, beyond alerting (Pacemaker's on-fail,
 * migration-threshold and failure-timeout, in mon-style words).
 *
 * @param action         {@code alert}: alerts only; {@code restart}: restart the resource up to
 *                       maxRestarts times per restartWindow, then give up; {@code move}: the
 *                       same, then move the group to the peer ({@code on_fail})
 * @param resource       the resource to restart ({@code resource})
 * @param group          the resource group to move ({@code group})
 * @param maxRestarts    restarts allowed within restartWindow ({@code max_restarts}); with
 *                       {@code move} the failure after them moves the group, so Pacemaker's
 *                       migration-threshold is maxRestarts + 1
 * @param restartWindow  the window the restarts are counted in ({@code restart_window})
 * @param failureTimeout failures older than this are forgotten; a node made ineligible becomes
 *                       eligible again once its last failure is this old. Zero: never
 *                       ({@code failure_timeout}, Pacemaker's failure-timeout, default 0)
 */
public record EscalationPolicy(Action action, String resource, String group, int maxRestarts,
        Duration restartWindow, Duration failureTimeout) {

    /** The failure action. */
    public enum Action { ALERT, RESTART, MOVE }

    public static final EscalationPolicy ALERT_ONLY =
            new EscalationPolicy(Action.ALERT, null, null, 0, Duration.ofMinutes(10), Duration.ZERO);

    public EscalationPolicy {
        boolean restarts = action == Action.RESTART || action == Action.MOVE && maxRestarts > 0;
        if (restarts && (resource == null || resource.isBlank())) {
            throw new IllegalArgumentException("on_fail=" + action + " with restarts needs a resource");
        }
        if (action == Action.MOVE && (group == null || group.isBlank())) {
            throw new IllegalArgumentException("on_fail=move needs a group");
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("max_restarts must not be negative");
        }
        failureTimeout = failureTimeout == null ? Duration.ZERO : failureTimeout;
    }

    public static EscalationPolicy restart(String resource, int maxRestarts, Duration window) {
        return new EscalationPolicy(Action.RESTART, resource, null, maxRestarts, window, Duration.ZERO);
    }

    public static EscalationPolicy move(String resource, String group, int maxRestarts, Duration window,
            Duration failureTimeout) {
        return new EscalationPolicy(Action.MOVE, resource, group, maxRestarts, window, failureTimeout);
    }

    /**
     * Reads {@code on_fail}, {@code resource}, {@code group}, {@code max_restarts},
     * {@code restart_window} and {@code failure_timeout}; problems go to {@link CheckOptions#error}.
     */
    public static Optional<EscalationPolicy> fromOptions(CheckOptions o) {
        String action = o.choice("on_fail", "alert", "alert", "restart", "move");
        String resource = o.string("resource", null);
        String group = o.string("group", null);
        int max = o.integer("max_restarts", 3, 0, 1000);
        Duration window = o.duration("restart_window", Duration.ofMinutes(10));
        Duration timeout = o.optional("failure_timeout").isPresent()
                ? o.duration("failure_timeout", Duration.ZERO) : Duration.ZERO;
        // A move without restarts first needs no resource: the whole group goes.
        boolean restarts = action.equals("restart") || action.equals("move") && max > 0;
        if (restarts && resource == null) {
            o.error("resource", "is required with on_fail=" + action
                    + (action.equals("move") ? " (or set max_restarts 0 to move without restarting)" : ""));
        }
        if (action.equals("move") && group == null) {
            o.error("group", "is required with on_fail=move");
        }
        if (!o.errors().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EscalationPolicy(Action.valueOf(action.toUpperCase(Locale.ROOT)), resource, group,
                max, window, timeout));
    }
}
