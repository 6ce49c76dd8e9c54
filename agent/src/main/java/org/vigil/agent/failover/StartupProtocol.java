package org.vigil.agent.failover;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.vigil.agent.failover.FailoverContext.Phase;
import org.vigil.agent.membership.LogLine.Severity;
import org.vigil.agent.wire.HaMessage;

/**
 * Initial resource acquisition with {@code auto_failback on|off}: {@code starting} at comm-up,
 * {@code resource} answers, taking only the local groups the peer does not hold once it is
 * stable, and Heartbeat's 10 s RQSTDELAY fallback when both sides start together.
 */
final class StartupProtocol {

    private final FailoverContext ctx;
    private final TakeoverProtocol takeover;
    private final LongConsumer settle;
    private long rqstDeadline;

    StartupProtocol(FailoverContext ctx, TakeoverProtocol takeover, LongConsumer settle) {
        this.ctx = ctx;
        this.takeover = takeover;
        this.settle = settle;
    }

    void onCommUp(long now) {
        ctx.phase = Phase.STARTING;
        ctx.send(ResourceMessages.starting());
        ctx.peers.values().stream().filter(p -> !p.alive).forEach(p -> takeover.recover(p, false, now));
        if (ctx.alivePeers().isEmpty()) {
            // Nobody to negotiate with: the takeovers just scheduled take everything.
            becomeStable("mach_down", now);
            return;
        }
        rqstDeadline = now + ctx.cfg.rqstDelay().toNanos();
    }

    /** A peer (re)started its resource manager: it holds nothing yet. Answer with what we hold. */
    void onStarting(PeerView from, long now) {
        from.heard();
        from.reset();
        ctx.announce(Optional.empty());
    }

    void onResource(PeerView from, HaMessage msg, long now) {
        from.heard();
        // info=mach_down names only what was just taken, on top of what the sender already held.
        boolean machDown = msg.string("info").map("mach_down"::equals).orElse(false);
        RscHold before = from.hold == null ? RscHold.NONE : from.hold;
        msg.string("rsc_hold").flatMap(RscHold::fromWire)
                .ifPresent(h -> ctx.believeClass(from, machDown ? before.union(h) : h));
        msg.string("isstable").ifPresent(s -> from.stable = s.equals("1"));
        if (ctx.phase == Phase.STARTING && ctx.alivePeers().stream().allMatch(p -> p.stable)) {
            acquireLocal("remote resource transition completed.", "T_RESOURCES(them)", now);
        } else if (ctx.phase == Phase.STABLE) {
            audit(from);
            settle.accept(now);
        }
    }

    void onTick(long now) {
        if (ctx.phase == Phase.STARTING && rqstDeadline - now <= 0) {
            acquireLocal("local resource transition completed.", "T_RESOURCES(us)", now);
        }
    }

    /** Takes our own groups that no alive peer holds, then announces stability. */
    private void acquireLocal(String transition, String reason, long now) {
        if (ctx.maintenance) {
            return; // touch nothing; the tick retries once maintenance is off
        }
        ctx.phase = Phase.ACQUIRING;
        List<LocalGroup> mine = ctx.groups.values().stream()
                .filter(g -> ctx.isLocal(g) && g.eligible() && !ctx.heldByAlivePeer(g.key(), ""))
                .toList();
        if (mine.isEmpty()) {
            ctx.info("Local Resource acquisition completed. (none)");
        }
        ctx.ops.submit(ctx.starts(mine), (r, t) -> {
            ctx.info(transition);
            becomeStable(reason, t);
        }, now);
    }

    private void becomeStable(String reason, long now) {
        if (ctx.phase == Phase.SHUTTING_DOWN || ctx.phase == Phase.DOWN) {
            return; // we were told to stop while acquiring
        }
        ctx.phase = Phase.STABLE;
        ctx.info("Initial resource acquisition complete (" + reason + ")");
        ctx.announce(Optional.empty());
        settle.accept(now);
    }

    /** Heartbeat's AuditResources: both sides claim a class we also hold (outside a partition). */
    private void audit(PeerView from) {
        if (!ctx.stable() || !from.stable) {
            return;
        }
        boolean ourLocal = false;
        boolean foreign = false;
        for (String key : ctx.holdingKeys()) {
            if (from.held.contains(key)) {
                ourLocal |= ctx.isLocal(ctx.groups.get(key));
                foreign |= !ctx.isLocal(ctx.groups.get(key));
            }
        }
        if (ourLocal) {
            ctx.log(Severity.ERROR, "Both machines own our resources!");
        }
        if (foreign) {
            ctx.log(Severity.ERROR, "Both machines own foreign resources!");
        }
    }
}
