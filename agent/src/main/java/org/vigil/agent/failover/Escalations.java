package org.vigil.agent.failover;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.vigil.agent.membership.LogLine.Severity;

/**
 * Moving groups away from this node: check escalations (move away, ineligible until a time) and
 * failed starts (offered to the peer 30 s later, as Heartbeat's {@code hb_standby}, then held off
 * so auto_failback does not hand the group straight back).
 */
final class Escalations {

    private final FailoverContext ctx;
    private final StandbyProtocol standby;

    Escalations(FailoverContext ctx, StandbyProtocol standby) {
        this.ctx = ctx;
        this.standby = standby;
    }

    void moveAway(LocalGroup g, long now) {
        if (ctx.holds(g)) {
            offer(g, now);
        }
    }

    void setIneligible(LocalGroup g, OptionalLong until) {
        g.ineligible(until);
        sendEligibility();
    }

    /** @return whether anything changed */
    boolean clearIneligible(LocalGroup g) {
        if (g.eligible()) {
            return false;
        }
        g.eligibleAgain();
        sendEligibility();
        return true;
    }

    /** Heartbeat releases the whole group after a failed start; then it is offered to the peer. */
    void startFailed(LocalGroup g, long now) {
        ctx.ops.submit(List.of(new GroupOps.Op(g.key(), GroupOps.Kind.RELEASE)), (r, t) -> { }, now);
        g.offerAt(OptionalLong.of(now + ctx.cfg.failedStartOfferDelay().toNanos()));
        g.ineligible(OptionalLong.of(now + ctx.cfg.failedStartHoldoff().toNanos()));
        sendEligibility();
        ctx.log(Severity.WARN, "Resource group " + g.key() + " failed to start; offering it to another node in "
                + ctx.cfg.failedStartOfferDelay().toSeconds() + " s.");
    }

    /** Expired ineligibility and due offers. */
    void onTick(long now) {
        boolean changed = false;
        for (LocalGroup g : ctx.groups.values()) {
            if (g.ineligibilityExpired(now)) {
                g.eligibleAgain();
                changed = true;
            }
            if (g.offerAt().isPresent() && g.offerAt().getAsLong() - now <= 0) {
                g.offerAt(OptionalLong.empty());
                offer(g, now);
            }
        }
        if (changed) {
            sendEligibility();
        }
    }

    /** Offers a group with its class (hb_standby local|foreign): a 3.0.6 peer only understands classes. */
    private void offer(LocalGroup g, long now) {
        RscHold cls = ctx.isLocal(g) ? RscHold.LOCAL : RscHold.FOREIGN;
        Optional<PeerView> p = ctx.peer().filter(x -> x.alive);
        if (p.isEmpty()) {
            ctx.log(Severity.WARN, "Resource group " + g.key() + ": no other node can take it.");
        } else if (!standby.request(cls, p.get(), now)) {
            g.offerAt(OptionalLong.of(now + ctx.cfg.standbyReplyTimeout().toNanos())); // in flux: later
        }
    }

    /** Tells the peers which groups we may not take, so that everyone routes alike. */
    void sendEligibility() {
        ctx.send(ResourceMessages.vigilState("update", ctx.holdingKeys(), ctx.ineligibleKeys(), ctx.pingCount));
    }
}
