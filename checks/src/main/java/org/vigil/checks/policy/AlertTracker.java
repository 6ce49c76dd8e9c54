package org.vigil.checks.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.vigil.checks.CheckResult;

/**
 * mon's alert decision for one check, as a pure state machine: feed it results with the time
 * they were taken, get back the alerts to send. It never reads a clock.
 *
 * <ul>
 *   <li>Down: after {@code alertafter} failures (TIMEOUT and ERROR are failures). The first
 *       alert goes out at once.</li>
 *   <li>While down, every further failure alerts again unless {@code alertevery} is set; then
 *       repeats wait for alertevery, except that a changed summary alerts at once (mon's rule)
 *       unless {@code strict}. {@code numalerts} caps the alerts of one down period.</li>
 *   <li>Up again after {@code rise} successes in a row; an {@link PolicyEvent.UpAlert} follows if
 *       {@code upalert} and a down alert was sent (or {@code no_comp_alerts}).</li>
 *   <li>Flapping: a change between passing and failing is counted; more than
 *       {@code flap_threshold} changes within {@code flap_window} starts FLAPPING (one
 *       {@link PolicyEvent.Flapping}, then no alerts); a whole window without a change ends it
 *       ({@link PolicyEvent.FlappingEnded}), and a service that settled down is then alerted on.</li>
 * </ul>
 * Not thread-safe: one caller at a time (the agent serialises results per check).
 */
public final class AlertTracker {

    private final String check;
    private final AlertPolicy policy;

    private Boolean up;                 // null until the first result
    private Boolean lastFailed;
    private int failsInRow;
    private int oksInRow;
    private final Deque<Instant> failTimes = new ArrayDeque<>();
    private Instant failingSince;
    private Instant downSince;
    private int alertsSent;
    private Instant lastAlertAt;
    private String lastAlertSummary;
    private final Deque<Instant> changes = new ArrayDeque<>();
    private boolean flapping;

    public AlertTracker(String check, AlertPolicy policy) {
        this.check = check;
        this.policy = Objects.requireNonNull(policy);
    }

    /** @return a {@link PolicyEvent.StartupAlert} if {@code startupalert} is on */
    public List<PolicyEvent> start(Instant now) {
        return policy.startupAlert() ? List.of(new PolicyEvent.StartupAlert(check, now)) : List.of();
    }

    public ServiceState state() {
        if (flapping) {
            return ServiceState.FLAPPING;
        }
        return up == null ? ServiceState.UNKNOWN : up ? ServiceState.UP : ServiceState.DOWN;
    }

    /** @return true when the service counts as down (whether or not it is also flapping) */
    public boolean isDown() {
        return Boolean.FALSE.equals(up);
    }

    public List<PolicyEvent> onResult(CheckResult r, Instant now) {
        List<PolicyEvent> out = new ArrayList<>();
        boolean failed = r.isFailure();
        trackFlapping(failed, now, out);
        if (failed) {
            onFailure(r, now, out);
        } else {
            onSuccess(r, now, out);
        }
        return out;
    }

    private void onFailure(CheckResult r, Instant now, List<PolicyEvent> out) {
        failsInRow++;
        oksInRow = 0;
        failTimes.addLast(now);
        if (failingSince == null) {
            failingSince = now;
        }
        if (!Boolean.FALSE.equals(up)) {
            if (!confirmedDown(now)) {
                if (up == null) {
                    up = true; // not down yet: count it as up until alertafter is reached
                }
                return;
            }
            up = false;
            downSince = failingSince;
            alertsSent = 0;
            lastAlertAt = null;
            lastAlertSummary = null;
        }
        if (!flapping && shouldAlert(r, now)) {
            alert(r, now, out);
        }
    }

    private boolean confirmedDown(Instant now) {
        if (policy.alertAfterFor() != null) {
            return !now.isBefore(failingSince.plus(policy.alertAfterFor()));
        }
        if (policy.alertAfterWithin() != null) {
            Instant from = now.minus(policy.alertAfterWithin());
            while (!failTimes.isEmpty() && failTimes.peekFirst().isBefore(from)) {
                failTimes.removeFirst();
            }
            return failTimes.size() >= policy.alertAfter();
        }
        return failsInRow >= policy.alertAfter();
    }

    private boolean shouldAlert(CheckResult r, Instant now) {
        if (policy.numAlerts() > 0 && alertsSent >= policy.numAlerts()) {
            return false;
        }
        if (lastAlertAt == null || policy.alertEvery() == null) {
            return true;
        }
        if (!now.isBefore(lastAlertAt.plus(policy.alertEvery()))) {
            return true;
        }
        return !policy.strict() && !r.summary().equals(lastAlertSummary);
    }

    private void alert(CheckResult r, Instant now, List<PolicyEvent> out) {
        alertsSent++;
        lastAlertAt = now;
        lastAlertSummary = r.summary();
        out.add(new PolicyEvent.Alert(check, r.summary(), r.detail(), alertsSent, now));
    }

    private void onSuccess(CheckResult r, Instant now, List<PolicyEvent> out) {
        oksInRow++;
        failsInRow = 0;
        failingSince = null;
        if (policy.alertAfterWithin() == null) {
            failTimes.clear(); // "N T" counts failures in the window even with successes between
        }
        if (up == null) {
            up = true;
            return;
        }
        if (up || oksInRow < policy.rise()) {
            return;
        }
        up = true;
        boolean sendUp = policy.upAlert() && (alertsSent > 0 || policy.noCompAlerts());
        if (!flapping && sendUp) {
            out.add(new PolicyEvent.UpAlert(check, r.summary(), Duration.between(downSince, now), now));
        }
        alertsSent = 0;
        lastAlertAt = null;
        lastAlertSummary = null;
    }

    private void trackFlapping(boolean failed, Instant now, List<PolicyEvent> out) {
        if (policy.flapThreshold() == 0) {
            return;
        }
        if (lastFailed != null && lastFailed != failed) {
            changes.addLast(now);
        }
        lastFailed = failed;
        Instant from = now.minus(policy.flapWindow());
        while (!changes.isEmpty() && !changes.peekFirst().isAfter(from)) {
            changes.removeFirst();
        }
        if (!flapping && changes.size() > policy.flapThreshold()) {
            flapping = true;
            out.add(new PolicyEvent.Flapping(check, changes.size(), policy.flapWindow(), now));
        } else if (flapping && changes.isEmpty()) {
            flapping = false;
            out.add(new PolicyEvent.FlappingEnded(check, !failed, now));
            if (failed && isDown()) {
                // settled down: this failure is alerted on below as the start of a new series
                alertsSent = 0;
                lastAlertAt = null;
            }
        }
    }
}
