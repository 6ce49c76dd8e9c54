package org.vigil.agent.failover;

import java.util.OptionalInt;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.wire.HaMessage;

/**
 * ipfail, built in (two nodes only, as Heartbeat's): when a link to the peer dies or a ping node
 * comes back, the ping-node counts are exchanged ({@code t=num_ping_nodes num_ping=N}). The node
 * reaching fewer ping nodes gives up {@code all} through the standby protocol; the one reaching
 * more tells the peer its count; equal counts cancel any pending give-up.
 */
final class IpFail {

    private final FailoverContext ctx;
    private final StandbyProtocol standby;
    private boolean giveUpPending;

    IpFail(FailoverContext ctx, StandbyProtocol standby) {
        this.ctx = ctx;
        this.standby = standby;
    }

    private boolean enabled() {
        return ctx.cfg.twoNode() && !ctx.cfg.pingNodes().isEmpty() && ctx.cfg.autoFailback() != AutoFailback.LEGACY;
    }

    /** A link to the peer died, or a ping node came back: tell the peer our count. */
    void sendCount() {
        if (enabled()) {
            ctx.peer().filter(p -> p.alive)
                    .ifPresent(p -> ctx.sendTo(p.name, ResourceMessages.numPingNodes(ctx.pingCount)));
        }
    }

    void onMessage(PeerView from, HaMessage msg, long now) {
        if (!enabled()) {
            return;
        }
        String t = msg.type().orElse("");
        if (t.equals(ResourceMessages.YOU_ARE_DEAD)) {
            giveUpPending = true; // a 3.0.6 ipfail peer compared the counts for us
        } else if (t.equals(ResourceMessages.ABORT_GIVEUP)) {
            giveUpPending = false;
        } else {
            OptionalInt theirs = msg.decimal("num_ping");
            if (theirs.isEmpty()) {
                return;
            }
            from.pingCount = theirs;
            int ours = ctx.pingCount;
            if (ours < theirs.getAsInt()) {
                giveUpPending = true;
            } else if (ours > theirs.getAsInt()) {
                giveUpPending = false;
                ctx.sendTo(from.name, ResourceMessages.numPingNodes(ours));
            } else {
                giveUpPending = false;
            }
        }
        tryGiveUp(now);
    }

    /** Gives up everything once both sides are stable (retried at every settle). */
    void tryGiveUp(long now) {
        if (!giveUpPending) {
            return;
        }
        if (ctx.holdingKeys().isEmpty()) {
            giveUpPending = false;
            return;
        }
        ctx.peer().filter(p -> p.alive && p.stable && ctx.stable() && !standby.active()).ifPresent(p -> {
            if (standby.request(RscHold.ALL, p, now)) {
                giveUpPending = false;
            }
        });
    }
}
