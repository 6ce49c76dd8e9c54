package org.vigil.agent.failover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.LogLine.Severity;

/**
 * What happens when another node dies or shuts down: fencing (or Heartbeat's two warnings), then
 * taking the groups routed to us ({@link Placement#takeoverTarget}), then Heartbeat's
 * {@code mach_down} announcements. A takeover found while we are still starting up or in
 * maintenance mode is deferred until {@link #runPending}.
 */
final class TakeoverProtocol {

    private final FailoverContext ctx;
    private final LongConsumer settle;

    TakeoverProtocol(FailoverContext ctx, LongConsumer settle) {
        this.ctx = ctx;
        this.settle = settle;
    }

    /**
     * The node is dead. {@code graceful}: it sent {@code shutdone}, so its groups are taken at
     * once, without fencing or warnings.
     */
    void onDead(PeerView p, boolean graceful, long now) {
        if (p.deathSeen) {
            return; // shutdone is followed by a status change to dead: one death
        }
        p.deathSeen = true;
        p.alive = false;
        p.stable = false;
        if (ctx.phase != FailoverContext.Phase.WAITING) {
            recover(p, graceful, now);
        }
    }

    /** Fences (or warns) and schedules the takeover; at comm-up also for nodes never heard from. */
    void recover(PeerView p, boolean graceful, long now) {
        p.deathSeen = true;
        if (ctx.phase == FailoverContext.Phase.SHUTTING_DOWN || ctx.phase == FailoverContext.Phase.DOWN) {
            return;
        }
        if (graceful) {
            // shutdone is sent only after every group was released (a Vigil node withholds it
            // after a failed stop), so it is trusted as Heartbeat trusts it.
            defer(p, now);
        } else if (p.held.isEmpty() && p.hold != null) {
            ctx.info("Dead node " + p.name + " gave up resources.");
            ctx.send(ResourceMessages.stonith(p.name, ResourceMessages.STONITH_UNNEEDED));
            defer(p, now);
        } else if (ctx.cfg.stonith()) {
            ctx.info("Resetting node " + p.name + " with STONITH before taking its resources.");
            p.fencing = true;
            ctx.actions.fence(p.name);
        } else {
            ctx.log(Severity.WARN, "No STONITH device configured.");
            ctx.log(Severity.WARN, "Shared disks are not protected.");
            ctx.send(ResourceMessages.stonith(p.name, ResourceMessages.STONITH_NOT_CONFIGURED));
            defer(p, now);
        }
    }

    void onFenceResult(PeerView p, boolean success, long now) {
        if (!p.fencing) {
            return;
        }
        p.fencing = false;
        if (p.alive) {
            return; // it came back while being fenced: nothing to take
        }
        if (!success) {
            ctx.log(Severity.CRIT, "STONITH of node " + p.name + " failed: not taking over its resources.");
            ctx.send(ResourceMessages.stonith(p.name, ResourceMessages.STONITH_BAD));
            return;
        }
        ctx.info("Node " + p.name + " reset by STONITH.");
        ctx.send(ResourceMessages.stonith(p.name, ResourceMessages.STONITH_OK));
        defer(p, now);
    }

    private void defer(PeerView p, long now) {
        p.takeoverPending = true;
        settle.accept(now);
    }

    /** Takes what dead nodes left, once start-up is over and maintenance is off. */
    void runPending(long now) {
        if (ctx.phase != FailoverContext.Phase.STABLE || ctx.maintenance) {
            return;
        }
        for (PeerView p : ctx.peers.values()) {
            if (p.takeoverPending && !p.alive) {
                p.takeoverPending = false;
                takeFrom(p, now);
            }
        }
    }

    private void takeFrom(PeerView dead, long now) {
        ctx.info("Resources being acquired from " + dead.name + ".");
        dead.held.clear();
        dead.hold = null;
        List<String> alive = new ArrayList<>();
        alive.add(ctx.local());
        ctx.alivePeers().forEach(p -> alive.add(p.name));
        Map<String, Set<String>> ineligible = new HashMap<>();
        ineligible.put(ctx.local(), Set.copyOf(ctx.ineligibleKeys()));
        ctx.alivePeers().forEach(p -> ineligible.put(p.name, Set.copyOf(p.ineligible)));
        List<LocalGroup> take = new ArrayList<>();
        for (LocalGroup g : ctx.groups.values()) {
            if (ctx.holds(g) || ctx.heldByAlivePeer(g.key(), "")) {
                continue;
            }
            Optional<String> target = Placement.takeoverTarget(g.key(), g.preferred(), ctx.cfg.nodes(), alive,
                    ineligible);
            if (target.isEmpty()) {
                ctx.log(Severity.ERROR, "No eligible node for resource group " + g.key() + ": it stays stopped.");
            } else if (target.get().equals(ctx.local())) {
                take.add(g);
            }
        }
        ctx.ops.submit(ctx.starts(take), (r, t) -> taken(dead, r, t), now);
    }

    private void taken(PeerView dead, GroupOps.Result r, long now) {
        if (ctx.phase != FailoverContext.Phase.STABLE) {
            return; // a shutdown began meanwhile: it releases everything anyway
        }
        ctx.info("mach_down takeover complete for node " + dead.name + ".");
        if (ctx.cfg.autoFailback() != AutoFailback.LEGACY) { // nice_failback only, as Heartbeat
            ctx.announce(Optional.of("req_our_resources()"));
            ctx.send(ResourceMessages.machDown());
        }
        ctx.info("mach_down takeover complete.");
        settle.accept(now);
    }
}
