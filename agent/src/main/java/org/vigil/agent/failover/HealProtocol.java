package org.vigil.agent.failover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongConsumer;
import org.vigil.agent.membership.LogLine.Severity;
import org.vigil.agent.wire.HaMessage;

/**
 * Partition heal without restarting anything. Both sides send a {@code vigil-state info=heal}
 * report (exact keys held, keys they are ineligible for, ping-node count); with both reports in
 * hand each side evaluates {@link Placement#healKeeper} for every group both hold, so both reach
 * the same answer. The other side stops the group and says {@code info=released}; only then does
 * the keeper re-run the group's start (IPaddr re-sends gratuitous ARP), so the last ARP on the
 * network is the keeper's. A Heartbeat 3.0.6 peer sends no report: it releases everything and
 * restarts by itself, which {@code shutdone} and {@code starting} handle.
 */
final class HealProtocol {

    /** What one side said at heal. */
    private record Report(Set<String> held, Set<String> ineligible, int pingCount) {
    }

    private final FailoverContext ctx;
    private final LongConsumer settle;
    /** Our report per healed peer, kept until the decision so both sides use the same facts. */
    private final Map<String, Report> sent = new HashMap<>();
    private final Map<String, Report> received = new HashMap<>();
    /** Per peer, the groups we must release, while maintenance mode holds the release back. */
    private final Map<String, List<LocalGroup>> deferredRelease = new HashMap<>();
    /** Groups we keep and will re-announce once the named peer has released them. */
    private final Map<String, Set<String>> reannounce = new HashMap<>();

    HealProtocol(FailoverContext ctx, LongConsumer settle) {
        this.ctx = ctx;
        this.settle = settle;
    }

    void onHealed(PeerView p, long now) {
        p.heard();
        p.stable = false;
        sendReport(p);
        decideIfReady(p, now);
    }

    void onVigilState(PeerView from, HaMessage msg, long now) {
        from.heard();
        from.ineligible.clear();
        from.ineligible.addAll(ResourceMessages.keys(msg, "ineligible"));
        msg.decimal("num_ping").ifPresent(n -> from.pingCount = OptionalInt.of(n));
        String info = msg.string("info").orElse("");
        if (info.equals("update")) {
            ctx.believeExact(from, ResourceMessages.keys(msg, "keys"));
        } else if (info.equals("heal")) {
            Set<String> keys = ResourceMessages.keys(msg, "keys");
            ctx.believeExact(from, keys);
            received.put(from.name, new Report(keys, Set.copyOf(from.ineligible), from.pingCount.orElse(0)));
            if (!sent.containsKey(from.name)) {
                sendReport(from);
            }
            decideIfReady(from, now);
        } else if (info.equals("released")) {
            Set<String> keys = ResourceMessages.keys(msg, "keys");
            from.held.removeAll(keys);
            Set<String> pending = reannounce.get(from.name);
            if (pending != null) {
                List<LocalGroup> again = ctx.groups.values().stream()
                        .filter(g -> keys.contains(g.key()) && pending.contains(g.key())).toList();
                pending.removeAll(keys);
                reannounceAll(again, now);
            }
        }
    }

    /** The peer died before releasing: what we kept is ours alone now; announce it. */
    void peerGone(String node, long now) {
        deferredRelease.remove(node);
        sent.remove(node);
        received.remove(node);
        Set<String> pending = reannounce.remove(node);
        if (pending != null) {
            reannounceAll(ctx.groups.values().stream().filter(g -> pending.contains(g.key())).toList(), now);
        }
    }

    private void sendReport(PeerView p) {
        Report ours = new Report(new LinkedHashSet<>(ctx.holdingKeys()), Set.copyOf(ctx.ineligibleKeys()),
                ctx.pingCount);
        sent.put(p.name, ours);
        ctx.sendTo(p.name, ResourceMessages.vigilState("heal", ours.held(), ours.ineligible(), ours.pingCount()));
    }

    private void decideIfReady(PeerView p, long now) {
        Report ours = sent.get(p.name);
        Report theirs = received.get(p.name);
        if (ours == null || theirs == null) {
            return;
        }
        sent.remove(p.name);
        received.remove(p.name);
        List<LocalGroup> release = new ArrayList<>();
        Set<String> keep = new LinkedHashSet<>();
        for (LocalGroup g : ctx.groups.values()) {
            if (!ours.held().contains(g.key()) || !theirs.held().contains(g.key())) {
                continue;
            }
            ctx.log(Severity.ERROR, "Both machines own " + (ctx.isLocal(g) ? "our" : "foreign")
                    + " resources! (" + g.key() + ", after partition)");
            String keeper = Placement.healKeeper(g.preferred(), ctx.cfg.nodes(), List.of(
                    new Placement.HealFacts(ctx.local(), !ours.ineligible().contains(g.key()), ours.pingCount()),
                    new Placement.HealFacts(p.name, !theirs.ineligible().contains(g.key()), theirs.pingCount())));
            ctx.info("Partition heal: " + keeper + " keeps resource group " + g.key() + ".");
            if (keeper.equals(ctx.local())) {
                keep.add(g.key());
            } else {
                release.add(g);
            }
        }
        if (!keep.isEmpty()) {
            reannounce.computeIfAbsent(p.name, n -> new LinkedHashSet<>()).addAll(keep);
        }
        if (ctx.maintenance) {
            ctx.log(Severity.WARN, "Maintenance mode: not releasing " + release.size() + " duplicated group(s) yet.");
            deferredRelease.put(p.name, release);
            return;
        }
        ctx.ops.submit(ctx.stops(release), (r, t) -> released(p, r, t), now);
    }

    /** Releases held back by maintenance mode, once it is off. */
    void runDeferred(long now) {
        if (ctx.maintenance || deferredRelease.isEmpty()) {
            return;
        }
        Map<String, List<LocalGroup>> due = new HashMap<>(deferredRelease);
        deferredRelease.clear();
        due.forEach((node, release) -> {
            PeerView p = ctx.peers.get(node);
            if (p.alive) {
                ctx.ops.submit(ctx.stops(release), (r, t) -> released(p, r, t), now);
            }
        });
    }

    private void released(PeerView p, GroupOps.Result r, long now) {
        ctx.sendTo(p.name, ResourceMessages.vigilState("released", r.stopped(), ctx.ineligibleKeys(), ctx.pingCount));
        ctx.announce(Optional.empty());
        settle.accept(now);
    }

    private void reannounceAll(List<LocalGroup> groups, long now) {
        List<GroupOps.Op> ops = groups.stream().map(g -> new GroupOps.Op(g.key(), GroupOps.Kind.REANNOUNCE)).toList();
        if (ops.isEmpty()) {
            return;
        }
        ctx.ops.submit(ops, (r, t) -> {
            ctx.announce(Optional.empty());
            settle.accept(t);
        }, now);
    }
}
