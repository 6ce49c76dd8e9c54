package org.vigil.agent.failover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.failover.FailoverContext.Phase;
import org.vigil.agent.membership.LinkStatus;
import org.vigil.agent.membership.LogLine.Severity;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.wire.HaMessage;

/**
 * Heartbeat's haresources resource management (R1), as pure decisions: which groups this node
 * starts and stops, and which resource-protocol messages it sends, so that a Vigil node and a
 * Heartbeat 3.0.6 node can share a two-node cluster. See docs/design/failover.md.
 *
 * <p><b>Single-threaded by contract</b>: owned by the membership event loop, no locks, no clock
 * reads, no sleeping. Every entry point takes {@code now}, a {@link org.vigil.agent.time.Ticker}
 * reading. The manager decides; {@link ResourceActions} executes and reports back through
 * {@link #onGroupOutcome} and {@link #onFenceResult}. Call {@link #onTick} at least every 250 ms.
 */
public final class ResourceManager {

    private final FailoverContext ctx;
    private final TakeoverProtocol takeover;
    private final StartupProtocol startup;
    private final LegacyProtocol legacy;
    private final StandbyProtocol standby;
    private final HealProtocol heal;
    private final IpFail ipfail;
    private final Failback failback;
    private final Escalations escalations;
    private final Set<String> alivePing = new LinkedHashSet<>();

    public ResourceManager(FailoverSettings settings, ResourceActions actions, long now) {
        this.ctx = new FailoverContext(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(actions, "actions"), now);
        this.takeover = new TakeoverProtocol(ctx, this::settle);
        this.startup = new StartupProtocol(ctx, takeover, this::settle);
        this.legacy = new LegacyProtocol(ctx, takeover, this::settle);
        this.standby = new StandbyProtocol(ctx, this::settle);
        this.heal = new HealProtocol(ctx, this::settle);
        this.ipfail = new IpFail(ctx, standby);
        this.failback = new Failback(ctx, standby);
        this.escalations = new Escalations(ctx, standby);
    }

    /** Feed every membership event, in order, from the membership loop. */
    public void onMembershipEvent(MembershipEvent event, long now) {
        if (ctx.phase == Phase.DOWN) {
            return;
        }
        if (event instanceof MembershipEvent.CommUp) {
            if (ctx.phase == Phase.WAITING) {
                if (legacyMode()) {
                    legacy.onCommUp(now);
                } else {
                    startup.onCommUp(now);
                }
            }
        } else if (event instanceof MembershipEvent.NodeStatusChanged e) {
            onNodeStatus(e, now);
        } else if (event instanceof MembershipEvent.ShutdownNotice e) {
            peer(e.node()).ifPresent(p -> death(p, true, now));
        } else if (event instanceof MembershipEvent.PartitionHealed e) {
            peer(e.node()).filter(p -> ctx.phase != Phase.WAITING).ifPresent(p -> heal.onHealed(p, now));
        } else if (event instanceof MembershipEvent.LinkStatusChanged e) {
            // Heartbeat's ipfail asks for counts when any link dies: a ping node's link (the
            // failure ipfail exists for, while heartbeats still flow) as well as one to the peer.
            boolean linkDied = e.status() == LinkStatus.DEAD && (ctx.cfg.pingNodes().contains(e.node())
                    || peer(e.node()).map(p -> p.alive).orElse(false));
            if (linkDied) {
                ipfail.sendCount();
            }
            if (e.status() == LinkStatus.UP) {
                // Heard on a link: alive, even while its status still says init (a starting node's
                // first statuses do). Without this, comm came up with the peer looking never heard
                // from, and both nodes took every group at start (seen in the CI run).
                peer(e.node()).filter(p -> !p.alive).ifPresent(ResourceManager::heard);
            }
        }
        settle(now);
    }

    private void onNodeStatus(MembershipEvent.NodeStatusChanged e, long now) {
        if (ctx.cfg.pingNodes().contains(e.node())) {
            boolean back = e.to() == NodeStatus.PING && alivePing.add(e.node());
            if (e.to() == NodeStatus.DEAD) {
                alivePing.remove(e.node());
            }
            if (ctx.pingCount != alivePing.size()) {
                ctx.pingCount = alivePing.size();
                ipfail.onOwnCountChanged();
            }
            if (back) {
                ipfail.sendCount();
            }
            return;
        }
        peer(e.node()).ifPresent(p -> {
            if (e.to() == NodeStatus.DEAD) {
                death(p, e.cause() == MembershipEvent.Cause.SHUTDOWN, now);
            } else if (e.to().isAlive() && !p.alive) {
                heard(p);
            }
        });
    }

    private static void heard(PeerView p) {
        boolean returning = p.deathSeen;
        p.heard();
        if (!returning) {
            p.reset();
        }
    }

    private void death(PeerView p, boolean graceful, long now) {
        standby.peerGone(p.name, now);
        heal.peerGone(p.name, now);
        takeover.onDead(p, graceful, now);
    }

    /**
     * A resource-protocol message from another node ({@code from} is its {@code src}). Messages
     * from ourselves, from unknown nodes or for another {@code dest} are ignored.
     */
    public void onMessage(String from, HaMessage msg, long now) {
        Optional<PeerView> sender = peer(from);
        boolean forOthers = msg.string("dest").map(d -> !d.equals(ctx.local())).orElse(false);
        if (sender.isEmpty() || forOthers || ctx.phase == Phase.DOWN) {
            return;
        }
        PeerView p = sender.get();
        String t = msg.type().orElse("");
        switch (t) {
            case ResourceMessages.STARTING -> {
                standby.peerGone(from, now);
                heal.peerGone(from, now);
                startup.onStarting(p, now);
            }
            case ResourceMessages.RESOURCE -> {
                if (!legacyMode()) {
                    boolean wasStable = p.stable;
                    startup.onResource(p, msg, now);
                    if (!wasStable && p.stable) {
                        failback.arm(); // as Heartbeat: when the peer becomes stable
                    }
                    if (p.stable) {
                        standby.onPeerStable(p, now);
                    }
                }
            }
            case ResourceMessages.ASK_RESOURCES -> standby.onAskResources(p, msg, now);
            case ResourceMessages.HB_TAKEOVER -> msg.string("rsc_hold").flatMap(RscHold::fromWire)
                    .ifPresent(h -> standby.request(h.mirror(), p, now));
            case ResourceMessages.IP_REQUEST -> legacy.onIpRequest(p, msg, now);
            case ResourceMessages.IP_REQUEST_RESP -> legacy.onIpRequestResp(p, msg, now);
            case ResourceMessages.NUM_PING_NODES, ResourceMessages.YOU_ARE_DEAD, ResourceMessages.ABORT_GIVEUP -> {
                failback.arm();
                ipfail.onMessage(p, msg, now);
            }
            case ResourceMessages.VIGIL_STATE -> {
                failback.arm();
                heal.onVigilState(p, msg, now);
            }
            default -> { }
        }
        settle(now);
    }

    /** A start or stop this manager requested has finished (GroupRunner's outcome). */
    public void onGroupOutcome(GroupOutcome outcome, long now) {
        LocalGroup g = ctx.groups.get(outcome.group());
        if (g == null) {
            return;
        }
        boolean wasStart = g.state() == GroupState.STARTING || g.state() == GroupState.STARTED;
        if (!ctx.ops.onOutcome(outcome, now)) {
            ctx.log(Severity.WARN, "Unexpected outcome for resource group " + outcome.group() + " ignored.");
            return;
        }
        if (outcome.stopFailed()) {
            ctx.log(Severity.CRIT, "Resource STOP failure for group " + g.key()
                    + ": it may still be running here; no other node will be given it.");
            ctx.actions.stopFailed(g.key());
        } else if (!outcome.success() && wasStart && ctx.phase != Phase.SHUTTING_DOWN) {
            escalations.startFailed(g, now);
        }
        settle(now);
    }

    /** The fencing the manager asked for ({@link ResourceActions#fence}) finished. */
    public void onFenceResult(String node, boolean success, long now) {
        peer(node).ifPresent(p -> takeover.onFenceResult(p, success, now));
        settle(now);
    }

    /** Timeouts: RQSTDELAY, standby replies, ineligibility expiry, failed-start offers. */
    public void onTick(long now) {
        if (ctx.phase == Phase.DOWN) {
            return;
        }
        if (!legacyMode()) {
            startup.onTick(now);
        }
        standby.onTick(now);
        escalations.onTick(now);
        settle(now);
    }

    /** hb_standby: hand the groups of class {@code what} (our view) to the other node. */
    public void standby(RscHold what, long now) {
        Optional<PeerView> p = ctx.peer().filter(x -> x.alive);
        if (p.isEmpty()) {
            ctx.log(Severity.WARN, "Standby request [" + what.wireName() + "] not sent: no other node is active.");
            return;
        }
        standby.request(what, p.get(), now);
    }

    /** hb_takeover: ask the other node to hand us {@code what} (our view); it runs standby with the mirror. */
    public void takeover(RscHold what, long now) {
        if (legacyMode()) {
            ctx.log(Severity.WARN, "Standby mode only implemented when nice_failback on");
            return;
        }
        ctx.send(ResourceMessages.hbTakeover(what));
    }

    /** Maintenance mode: start and stop nothing, keep answering the protocol with what we hold. */
    public void setMaintenance(boolean on, long now) {
        if (ctx.maintenance == on) {
            return;
        }
        ctx.maintenance = on;
        ctx.ops.paused(on, now);
        ctx.log(Severity.WARN, on ? "Maintenance mode on: resources are no longer managed."
                : "Maintenance mode off: resources are managed again.");
        settle(now);
    }

    /** A check escalation: move the group (with its Heartbeat class) to another node. */
    public void moveAway(String key, long now) {
        group(key).ifPresent(g -> escalations.moveAway(g, now));
        settle(now);
    }

    /** A check escalation: this node may not take the group until {@code until} (empty: until cleared). */
    public void setIneligible(String key, OptionalLong until, long now) {
        group(key).ifPresent(g -> escalations.setIneligible(g, until));
    }

    /** The check escalation is over: this node may take the group again. */
    public void clearIneligible(String key, long now) {
        if (group(key).map(escalations::clearIneligible).orElse(false)) {
            settle(now);
        }
    }

    /**
     * Our graceful shutdown: release every group in reverse haresources order, then
     * {@link ResourceActions#readyToExit} (the runtime sends {@code shutdone}).
     */
    public void shutdown(long now) {
        if (ctx.phase == Phase.SHUTTING_DOWN || ctx.phase == Phase.DOWN) {
            return;
        }
        ctx.phase = Phase.SHUTTING_DOWN;
        ctx.peers.keySet().forEach(n -> standby.peerGone(n, now));
        if (ctx.maintenance) {
            ctx.log(Severity.WARN, "Maintenance mode: leaving all HA resources running.");
            ctx.phase = Phase.DOWN;
            ctx.actions.readyToExit(false);
            return;
        }
        ctx.info("Giving up all HA resources.");
        ctx.ops.clearQueued();
        ctx.ops.close();
        ctx.ops.submit(ctx.stops(new ArrayList<>(ctx.groups.values())), (r, t) -> {
            if (!r.failedStops().isEmpty()) {
                ctx.log(Severity.CRIT, "Shutdown halted: not all HA resources were relinquished.");
                return;
            }
            ctx.info("All HA resources relinquished.");
            if (!legacyMode()) { // legacy nodes exchange no resource messages
                ctx.announce(Optional.of("shutdown"));
            }
            ctx.phase = Phase.DOWN;
            ctx.actions.readyToExit(true);
        }, now);
    }

    /** An immutable picture for the CLI and JMX. */
    public ResourceSnapshot snapshot() {
        List<GroupSnapshot> groups = ctx.groups.values().stream()
                .map(g -> new GroupSnapshot(g.key(), g.preferred(), ctx.holderOf(g), g.state(), g.lastChange(),
                        g.eligible()))
                .toList();
        return new ResourceSnapshot(ctx.local(), ctx.phase.name().toLowerCase(Locale.ROOT), ctx.stable(),
                ctx.maintenance, ctx.held(), groups);
    }

    /** Everything that becomes possible once something settled: deferred takeovers, give-ups, failback. */
    private void settle(long now) {
        takeover.runPending(now);
        legacy.runGranted(now);
        heal.runDeferred(now);
        ipfail.tryGiveUp(now);
        failback.check(now);
    }

    private boolean legacyMode() {
        return ctx.cfg.autoFailback() == AutoFailback.LEGACY;
    }

    private Optional<LocalGroup> group(String key) {
        return Optional.ofNullable(ctx.groups.get(key));
    }

    private Optional<PeerView> peer(String node) {
        return Optional.ofNullable(ctx.peers.get(node));
    }
}
