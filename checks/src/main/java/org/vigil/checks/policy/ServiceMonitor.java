package org.vigil.checks.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.checks.CheckResult;

/**
 * The whole policy of one check: alerting ({@link AlertTracker}) and failure escalation
 * ({@link Escalation}). Escalation acts on every failed result once the check counts as down,
 * flapping or not: flapping holds back alerts, not the repair of a resource that keeps dying.
 * Pure: {@code now} is always passed in.
 */
public final class ServiceMonitor {

    private final AlertTracker alerts;
    private final Escalation escalation;

    public ServiceMonitor(String check, AlertPolicy alertPolicy, EscalationPolicy escalationPolicy) {
        this.alerts = new AlertTracker(check, alertPolicy);
        this.escalation = new Escalation(check, escalationPolicy);
    }

    public List<PolicyEvent> start(Instant now) {
        return alerts.start(now);
    }

    public List<PolicyEvent> onResult(CheckResult r, Instant now) {
        List<PolicyEvent> out = new ArrayList<>(alerts.onResult(r, now));
        if (r.isFailure() && alerts.isDown()) {
            out.addAll(escalation.onFailure(now));
        } else {
            out.addAll(escalation.tick(now));
        }
        return out;
    }

    /** Lets failures age out between results (e.g. while the check is excluded or cancelled). */
    public List<PolicyEvent> tick(Instant now) {
        return escalation.tick(now);
    }

    /** Operator clear of the failures and of this node's ineligibility. */
    public List<PolicyEvent> clear(Instant now) {
        return escalation.clear(now);
    }

    public ServiceState state() {
        return alerts.state();
    }

    public boolean ineligible() {
        return escalation.ineligible();
    }

    public int failCount(Instant now) {
        return escalation.failCount(now);
    }
}
