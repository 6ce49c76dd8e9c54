package org.vigil.agent.failover;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.vigil.agent.failover.FailoverContext.Phase;
import org.vigil.agent.wire.HaMessage;

/**
 * {@code auto_failback legacy} (nice_failback off): at comm-up the preferred node asks for each of
 * its groups with {@code ip-request}; the holder releases it and answers {@code ip-request-resp},
 * and only then does the requester start it. No starting/resource exchange, no standby.
 */
final class LegacyProtocol {

    private final FailoverContext ctx;
    private final TakeoverProtocol takeover;
    private final LongConsumer settle;
    /** Groups we asked for and have not been answered about. */
    private final Set<String> requested = new LinkedHashSet<>();
    /** Groups released to us while in maintenance mode: started once it ends. */
    private final Set<String> granted = new LinkedHashSet<>();

    LegacyProtocol(FailoverContext ctx, TakeoverProtocol takeover, LongConsumer settle) {
        this.ctx = ctx;
        this.takeover = takeover;
        this.settle = settle;
    }

    void onCommUp(long now) {
        ctx.phase = Phase.STABLE;
        ctx.peers.values().stream().filter(p -> !p.alive).forEach(p -> takeover.recover(p, false, now));
        if (ctx.alivePeers().isEmpty()) {
            ctx.info("Initial resource acquisition complete (mach_down)");
            settle.accept(now);
            return;
        }
        // HA_DONTASK is false: some other node is up, so ask for every group of ours.
        for (LocalGroup g : ctx.groups.values()) {
            if (ctx.isLocal(g) && !ctx.holds(g) && g.eligible()) {
                requested.add(g.key());
                ctx.send(ResourceMessages.ipRequest(g.key()));
            }
        }
        settle.accept(now);
    }

    /** A peer wants its group back: release it if we hold it, then answer. */
    void onIpRequest(PeerView from, HaMessage msg, long now) {
        from.heard();
        String key = msg.string("ipaddr").orElse("");
        LocalGroup g = ctx.groups.get(key);
        if (g == null || ctx.maintenance) {
            return;
        }
        // Always through the queue: a start of it we queued earlier runs first, then this stop,
        // and only then the answer (answering "not ours" at once would let both start it).
        ctx.ops.submit(ctx.stops(List.of(g)), (r, t) -> {
            if (!r.failedStops().isEmpty()) {
                return; // no answer: the requester must not start it (reported by the manager)
            }
            from.held.add(key);
            ctx.sendTo(from.name, ResourceMessages.ipRequestResp(key, r.stopped().contains(key)));
        }, now);
    }

    /** The holder released (or never had) the group we asked for: take it. */
    void onIpRequestResp(PeerView from, HaMessage msg, long now) {
        from.heard();
        String key = msg.string("ipaddr").orElse("");
        if (!requested.remove(key) || !"OK".equals(msg.string("ok").orElse(""))) {
            return;
        }
        from.held.remove(key);
        granted.add(key);
        runGranted(now);
    }

    /** Starts what holders released to us (deferred while in maintenance mode). */
    void runGranted(long now) {
        if (ctx.maintenance || granted.isEmpty()) {
            return;
        }
        List<LocalGroup> take = ctx.groups.values().stream().filter(g -> granted.contains(g.key())).toList();
        granted.clear();
        ctx.ops.submit(ctx.starts(take), (r, t) -> settle.accept(t), now);
    }

    /** A legacy peer that comes up is assumed to hold nothing until it asks. */
    void onPeerUp(PeerView p) {
        if (!p.alive) {
            p.heard();
            p.reset();
        }
    }
}
