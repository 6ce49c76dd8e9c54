package org.vigil.checks.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The failure-action escalation of one check on this node, as a pure state machine:
 * restart the resource, then (action {@code move}) move its group to the peer and mark this node
 * ineligible for the group. Ineligibility lasts while the check keeps failing: it ends when the
 * last failure is older than {@code failure_timeout} (checked by {@link #tick}) or when an
 * operator {@link #clear}s it. Never reads a clock.
 */
public final class Escalation {

    private final String check;
    private final EscalationPolicy policy;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private boolean ineligible;
    private boolean exhaustedReported;

    public Escalation(String check, EscalationPolicy policy) {
        this.check = check;
        this.policy = policy;
    }

    /** @return true while this node must not hold the group */
    public boolean ineligible() {
        return ineligible;
    }

    /** @return failures not yet aged out (Pacemaker's fail count) */
    public int failCount(Instant now) {
        age(now);
        return failures.size();
    }

    /** A failed result while the check is down (alertafter reached). */
    public List<PolicyEvent> onFailure(Instant now) {
        List<PolicyEvent> out = new ArrayList<>(tick(now));
        failures.addLast(now);
        if (ineligible || policy.action() == EscalationPolicy.Action.ALERT) {
            return out; // already moved away, or nothing to do but alert
        }
        if (restarts.size() < policy.maxRestarts()) {
            restarts.addLast(now);
            exhaustedReported = false;
            out.add(new PolicyEvent.RestartResource(check, policy.resource(), restarts.size(),
                    policy.maxRestarts(), now));
        } else if (policy.action() == EscalationPolicy.Action.MOVE) {
            ineligible = true;
            Instant until = policy.failureTimeout().isZero() ? null : now.plus(policy.failureTimeout());
            out.add(new PolicyEvent.MoveGroup(check, policy.group(), restarts.size()
                    + " restart(s) of " + policy.resource() + " did not help", until, now));
        } else if (!exhaustedReported) {
            exhaustedReported = true;
            out.add(new PolicyEvent.RestartsExhausted(check, policy.resource(), restarts.size(), now));
        }
        return out;
    }

    /** Ages failures and restarts; may make the node eligible again. Call now and then, too. */
    public List<PolicyEvent> tick(Instant now) {
        age(now);
        if (ineligible && !policy.failureTimeout().isZero() && failures.isEmpty()) {
            ineligible = false;
            restarts.clear();
            return List.of(new PolicyEvent.EligibleAgain(check, policy.group(), false, now));
        }
        return List.of();
    }

    /** An operator cleared the failures (Pacemaker's {@code crm_resource --cleanup}). */
    public List<PolicyEvent> clear(Instant now) {
        boolean was = ineligible;
        failures.clear();
        restarts.clear();
        ineligible = false;
        exhaustedReported = false;
        return was ? List.of(new PolicyEvent.EligibleAgain(check, policy.group(), true, now)) : List.of();
    }

    private void age(Instant now) {
        Instant restartFrom = now.minus(policy.restartWindow());
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(restartFrom)) {
            restarts.removeFirst();
        }
        if (!policy.failureTimeout().isZero()) {
            Instant from = now.minus(policy.failureTimeout());
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(from)) {
                failures.removeFirst();
            }
        }
    }
}
