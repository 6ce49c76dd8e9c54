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
            if (ctx.isLocal(g) && !g.state().holding() && g.eligible()) {
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
        if (!g.state().holding()) {
            ctx.sendTo(from.name, ResourceMessages.ipRequestResp(key, false));
            return;
        }
        ctx.ops.submit(ctx.stops(List.of(g)), (r, t) -> {
            if (!r.failedStops().isEmpty()) {
                return; // no answer: the requester must not start it (reported by the manager)
            }
            from.held.add(key);
            ctx.sendTo(from.name, ResourceMessages.ipRequestResp(key, true));
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
        LocalGroup g = ctx.groups.get(key);
        if (g != null && !ctx.maintenance) {
            ctx.ops.submit(ctx.starts(List.of(g)), (r, t) -> settle.accept(t), now);
        }
    }

    /** A legacy peer that comes up is assumed to hold nothing until it asks. */
    void onPeerUp(PeerView p) {
        if (!p.alive) {
            p.heard();
            p.reset();
        }
    }
}
