/**
 * What a check's results mean: alerts ({@link org.vigil.checks.policy.AlertTracker}) and repair
 * ({@link org.vigil.checks.policy.Escalation}), combined in
 * {@link org.vigil.checks.policy.ServiceMonitor}. Pure logic: every method takes {@code now},
 * nothing reads a clock, and the output is a list of
 * {@link org.vigil.checks.policy.PolicyEvent}s ({@code Alert}, {@code UpAlert},
 * {@code StartupAlert}, {@code Flapping}, {@code FlappingEnded}, {@code RestartResource},
 * {@code RestartsExhausted}, {@code MoveGroup}, {@code EligibleAgain}) for the agent to act on.
 *
 * <h2>Alert options (mon's period keys)</h2>
 * <ul>
 *   <li>{@code alertafter N}: down after N failures in a row (default 1);
 *       {@code alertafter N T}: N failures within T, successes in between allowed;
 *       {@code alertafter T}: failing without a success for T.</li>
 *   <li>{@code alertevery T}: while down, repeat the alert at most every T, but at once if the
 *       summary changed; {@code alertevery T strict}: no early repeat. Without alertevery every
 *       failed run alerts, as in mon.</li>
 *   <li>{@code numalerts N}: at most N alerts per down period (reset when it is up again).</li>
 *   <li>{@code upalert yes}: an up alert on recovery, if a down alert was sent;
 *       {@code no_comp_alerts yes}: even if none was.</li>
 *   <li>{@code startupalert yes}: an alert when monitoring starts.</li>
 *   <li>{@code rise N}: N successes in a row before it counts as up again (keepalived's
 *       hysteresis; {@code alertafter} is the matching "fall").</li>
 *   <li>{@code flap_threshold K}, {@code flap_window T} (default 10m): more than K changes
 *       between passing and failing within T is FLAPPING: one Flapping event, then no alerts
 *       until a whole window passes without a change (FlappingEnded, and an alert if it settled
 *       down). 0 (default) turns it off.</li>
 * </ul>
 * Timeouts are failures like any other.
 *
 * <h2>Repair options (Pacemaker's on-fail, migration-threshold, failure-timeout)</h2>
 * Counted on every failed result once the check is down (flapping or not).
 * <ul>
 *   <li>{@code on_fail}: {@code alert} (default), {@code restart}, {@code move}.</li>
 *   <li>{@code resource}: the resource to restart (needed for restart and move);
 *       {@code group}: the resource group to move (needed for move).</li>
 *   <li>{@code max_restarts N} (default 3) within {@code restart_window T} (default 10m): local
 *       restarts tried first. With {@code move}, the next failure moves the group to the peer and
 *       makes this node ineligible for it (migration-threshold = N + 1).</li>
 *   <li>{@code failure_timeout T} (default 0, never): failures older than T are forgotten; an
 *       ineligible node becomes eligible once its last failure is that old, so a node whose
 *       check keeps failing stays ineligible. An operator clear ends it at once.</li>
 * </ul>
 */
package org.vigil.checks.policy;
