package org.vigil.agent.failover;

import java.util.OptionalInt;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.wire.HaMessage;

/**
 * ipfail, built in (two nodes only, as Heartbeat's): when a link dies (to the peer or a ping
 * node's) or a ping node comes back, the ping-node counts are exchanged
 * ({@code t=num_ping_nodes num_ping=N}). The node reaching fewer ping nodes gives up {@code all}
 * through the standby protocol; the one reaching more tells the peer its count; equal counts
 * cancel any pending give-up.
 *
 * <p>The give-up waits {@code ipfailGiveUpDelay} (Heartbeat's 2 x keepalive) first. When a ping
 * node fails or returns for both nodes, each notices it at its own next probe, up to a keepalive
 * apart: the first to notice briefly has a different count from the other. Giving up at once
 * moved everything on such a shared outage and again when it ended (seen in IpFailIT); the
 * delay lets the other node's own count arrive, or our count catch up, and cancel the give-up.
 */
final class IpFail {

    private final FailoverContext ctx;
    private final StandbyProtocol standby;
    private boolean giveUpPending;
    private long giveUpAt;

    IpFail(FailoverContext ctx, StandbyProtocol standby) {
        this.ctx = ctx;
        this.standby = standby;
    }

    private boolean enabled() {
        return ctx.cfg.twoNode() && !ctx.cfg.pingNodes().isEmpty() && ctx.cfg.autoFailback() != AutoFailback.LEGACY;
    }

    /** A link died, or a ping node came back: tell the peer our count. */
    void sendCount() {
        if (enabled()) {
            ctx.peer().filter(p -> p.alive)
                    .ifPresent(p -> ctx.sendTo(p.name, ResourceMessages.numPingNodes(ctx.pingCount)));
        }
    }

    /** Our own count changed: a give-up the peer's (last known) count no longer justifies is dropped. */
    void onOwnCountChanged() {
        boolean caughtUp = ctx.peer().map(p -> p.pingCount).filter(OptionalInt::isPresent)
                .map(theirs -> ctx.pingCount >= theirs.getAsInt()).orElse(false);
        if (caughtUp) {
            giveUpPending = false;
        }
    }

    void onMessage(PeerView from, HaMessage msg, long now) {
        if (!enabled()) {
            return;
        }
        String t = msg.type().orElse("");
        if (t.equals(ResourceMessages.YOU_ARE_DEAD)) {
            scheduleGiveUp(now); // a 3.0.6 ipfail peer compared the counts for us
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
                scheduleGiveUp(now);
            } else if (ours > theirs.getAsInt()) {
                giveUpPending = false;
                ctx.sendTo(from.name, ResourceMessages.numPingNodes(ours));
            } else {
                giveUpPending = false;
            }
        }
        tryGiveUp(now);
    }

    /** As Heartbeat's delay_giveup: a newer reason restarts the wait. */
    private void scheduleGiveUp(long now) {
        giveUpPending = true;
        giveUpAt = now + ctx.cfg.ipfailGiveUpDelay().toNanos();
    }

    /** Gives up everything once the delay passed and both sides are stable (retried at every settle). */
    void tryGiveUp(long now) {
        if (!giveUpPending) {
            return;
        }
        if (ctx.holdingKeys().isEmpty()) {
            giveUpPending = false;
            return;
        }
        if (now - giveUpAt < 0) {
            return;
        }
        ctx.peer().filter(p -> p.alive && p.stable && ctx.stable() && !standby.active()).ifPresent(p -> {
            if (standby.request(RscHold.ALL, p, now)) {
                giveUpPending = false;
            }
        });
    }
}
