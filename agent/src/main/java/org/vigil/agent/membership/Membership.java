package org.vigil.agent.membership;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The membership state owner: node and link states, comm-up, the local status and the keepalive.
 *
 * <p><b>Single-threaded by contract.</b> Every method must be called from one thread, the
 * membership loop ({@link MembershipLoop}); there are no locks. Time is never read here: every
 * entry point takes {@code now}, a {@link org.vigil.agent.time.Ticker} reading, so the same code
 * runs against the system clock and a fake one. Call {@link #onTick} at least every 250 ms (as
 * Heartbeat's {@code check_for_timeouts}) and {@link #onMessage} for each decoded message.
 *
 * <p>Local status: {@code init} (the first heartbeat says so), {@code up} right after, then
 * {@code active} once comm is up (every configured node heard from or declared dead) and the
 * {@link NodeListExchange} is complete. See docs/design/membership.md.
 */
public final class Membership {

    private final MembershipSettings settings;
    private final StatusSender sender;
    private final NodeListExchange exchange;
    private final EventBus events = new EventBus();
    private final Transitions transitions = new Transitions(events);
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final InboundHandler inbound;
    private NodeStatus localStatus = NodeStatus.INIT;
    private TimeoutDetector timeouts;
    private StatusBeacon beacon;
    private boolean started;
    private boolean stopped;
    private boolean commUp;

    public Membership(MembershipSettings settings, StatusSender sender, NodeListExchange exchange) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.inbound = new InboundHandler(transitions, settings.warntime().toNanos());
        long dt = settings.deadtime().toNanos();
        settings.peers().forEach(n -> peers.put(n, new Peer(n, NodeType.NORMAL, dt)));
        long dp = settings.deadping().toNanos();
        settings.pingNodes().forEach(n -> peers.put(n, new Peer(n, NodeType.PING, dp)));
    }

    public void addListener(MembershipListener l) {
        events.add(Objects.requireNonNull(l, "listener"));
    }

    public void removeListener(MembershipListener l) {
        events.remove(l);
    }

    /** Starts the clock for initdead, sends the first ({@code init}) status, and goes {@code up}. */
    public void start(long now) {
        if (started) {
            throw new IllegalStateException("membership already started");
        }
        started = true;
        timeouts = new TimeoutDetector(transitions, now, settings.initdead().toNanos());
        beacon = new StatusBeacon(settings.keepalive(), settings.deadtime(), now);
        beacon.due(now);
        sender.sendStatus(new OutboundStatus(localStatus, beacon.advertisedDeadtimeMs(now)));
        setLocalStatus(NodeStatus.UP);
        checkCommUp(now);
    }

    /** Periodic work: timeouts, comm-up, activation, keepalive. Call at least every 250 ms. */
    public void onTick(long now) {
        requireStarted();
        if (stopped) {
            return;
        }
        timeouts.check(peers.values(), now, commUp);
        checkCommUp(now);
        if (commUp && localStatus == NodeStatus.UP && exchange.readyForActive(now)) {
            setLocalStatus(NodeStatus.ACTIVE);
        }
        if (beacon.due(now)) {
            sender.sendStatus(new OutboundStatus(localStatus, beacon.advertisedDeadtimeMs(now)));
        }
    }

    /**
     * Applies one decoded, authenticated message that arrived at {@code now}.
     *
     * @return true when the message is new: not a duplicate from another link, not stale, not a
     *     replay, from a configured peer. The caller acts on a message's content only then.
     */
    public boolean onMessage(Heartbeat msg, long now) {
        requireStarted();
        if (stopped || msg.src().equals(settings.localNode())) {
            return false; // our own packets looped back: media liveness is the transport's concern
        }
        Peer p = peers.get(msg.src());
        if (p == null) {
            events.emit(new MembershipEvent.UnknownSender(msg.src()));
            return false;
        }
        boolean fresh = inbound.handle(p, msg, now);
        checkCommUp(now);
        return fresh;
    }

    /** Graceful stop: announce {@code shutdone} and stop sending and judging. */
    public void shutdown(long now) {
        requireStarted();
        if (stopped) {
            return;
        }
        stopped = true;
        setLocalStatus(NodeStatus.DEAD);
        sender.sendShutdone();
    }

    public NodeStatus localStatus() {
        return localStatus;
    }

    public boolean isCommUp() {
        return commUp;
    }

    public MembershipSettings settings() {
        return settings;
    }

    /** Status of one remote node or ping node. */
    public NodeStatus statusOf(String node) {
        Peer p = peers.get(node.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown node [" + node + "]");
        }
        return p.status();
    }

    public MembershipSnapshot snapshot(long now) {
        List<NodeView> nodes = new ArrayList<>();
        for (Peer p : peers.values()) {
            nodes.add(view(p, now));
        }
        return new MembershipSnapshot(settings.localNode(), localStatus, commUp, nodes);
    }

    private static NodeView view(Peer p, long now) {
        List<LinkView> links = new ArrayList<>();
        for (LinkState l : p.links()) {
            links.add(new LinkView(l.name(), l.status(), Duration.ofNanos(now - l.lastHeard())));
        }
        Optional<Duration> age = p.heard()
                ? Optional.of(Duration.ofNanos(now - p.lastHeard())) : Optional.empty();
        return new NodeView(p.name(), p.type(), p.status(), p.sequence().generation(), age,
                Duration.ofNanos(p.deadtimeNanos()), links);
    }

    private void checkCommUp(long now) {
        if (commUp) {
            return;
        }
        for (Peer p : peers.values()) {
            if (!p.heard() && p.status() != NodeStatus.DEAD) {
                return;
            }
        }
        commUp = true;
        events.emit(new MembershipEvent.CommUp());
        exchange.onCommUp(now);
    }

    private void setLocalStatus(NodeStatus to) {
        NodeStatus from = localStatus;
        localStatus = to;
        if (from != to) {
            events.emit(new MembershipEvent.LocalStatusChanged(from, to));
        }
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("membership not started");
        }
    }
}
