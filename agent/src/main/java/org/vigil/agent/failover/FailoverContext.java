package org.vigil.agent.failover;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.agent.membership.LogLine;
import org.vigil.agent.membership.LogLine.Severity;
import org.vigil.agent.wire.HaMessage;

/**
 * The state the resource manager's protocol parts share: groups, peers, the operation queue and
 * the answers derived from them (what we hold, whether we are stable). Single-threaded.
 */
final class FailoverContext {

    /** Where start-up and shutdown stand. */
    enum Phase { WAITING, STARTING, ACQUIRING, STABLE, SHUTTING_DOWN, DOWN }

    final FailoverSettings cfg;
    final ResourceActions actions;
    final Map<String, LocalGroup> groups = new LinkedHashMap<>();
    final Map<String, PeerView> peers = new LinkedHashMap<>();
    final GroupOps ops;
    Phase phase = Phase.WAITING;
    boolean maintenance;
    /** A standby exchange (either role) is under way. */
    boolean inStandby;
    int pingCount;

    FailoverContext(FailoverSettings cfg, ResourceActions actions, long now) {
        this.cfg = cfg;
        this.actions = actions;
        cfg.groups().forEach(g -> groups.put(g.key(), new LocalGroup(g, now)));
        cfg.nodes().stream().filter(n -> !n.equals(cfg.localNode())).forEach(n -> peers.put(n, new PeerView(n)));
        this.ops = new GroupOps(groups, actions);
    }

    String local() {
        return cfg.localNode();
    }

    void log(Severity s, String text) {
        actions.log(new LogLine(s, text));
    }

    void info(String text) {
        log(Severity.INFO, text);
    }

    void send(HaMessage body) {
        actions.send(body, Optional.empty());
    }

    void sendTo(String node, HaMessage body) {
        actions.send(body, Optional.of(node));
    }

    /** The single other node of a two-node cluster. */
    Optional<PeerView> peer() {
        return cfg.twoNode() ? Optional.of(peers.values().iterator().next()) : Optional.empty();
    }

    List<PeerView> alivePeers() {
        return peers.values().stream().filter(p -> p.alive).toList();
    }

    /** What we announce as {@code rsc_hold}: the classes of the groups we hold, from our view. */
    RscHold held() {
        boolean local = false;
        boolean foreign = false;
        for (LocalGroup g : groups.values()) {
            if (holds(g)) {
                local |= isLocal(g);
                foreign |= !isLocal(g);
            }
        }
        return RscHold.of(local, foreign);
    }

    /** What we announce as {@code isstable}: start-up done, no standby exchange, no operations pending. */
    boolean stable() {
        return phase == Phase.STABLE && !inStandby && ops.idle();
    }

    /**
     * Whether we hold the group or have decided to (a start is queued). Heartbeat likewise counts
     * a group in {@code rsc_hold} from the moment it asks for it, so that no peer is told the
     * group is free while our start of it is still waiting its turn.
     */
    boolean holds(LocalGroup g) {
        return g.state().holding() || ops.pendingStart(g.key());
    }

    boolean isLocal(LocalGroup g) {
        return g.preferred().equals(local());
    }

    /** The groups of class {@code hold} as {@code viewer} sees them, in haresources order. */
    List<LocalGroup> inClass(RscHold hold, String viewer) {
        return groups.values().stream().filter(g -> hold.covers(g.preferred().equals(viewer))).toList();
    }

    List<String> holdingKeys() {
        return groups.values().stream().filter(this::holds).map(LocalGroup::key).toList();
    }

    List<String> ineligibleKeys() {
        return groups.values().stream().filter(g -> !g.eligible()).map(LocalGroup::key).toList();
    }

    /** Whether an alive peer other than {@code except} is believed to hold the group. */
    boolean heldByAlivePeer(String key, String except) {
        return peers.values().stream().anyMatch(p -> p.alive && !p.name.equals(except) && p.held.contains(key));
    }

    /** Who we believe holds the group: us, an alive peer, or (just dead) a peer whose death is pending. */
    Optional<String> holderOf(LocalGroup g) {
        if (holds(g)) {
            return Optional.of(local());
        }
        return peers.values().stream().filter(p -> p.held.contains(g.key())).map(p -> p.name).findFirst();
    }

    /** Updates a peer's held set from its {@code rsc_hold} (its own view of local/foreign). */
    void believeClass(PeerView p, RscHold hold) {
        p.hold = hold;
        if (!p.exact) {
            p.held.clear();
            inClass(hold, p.name).forEach(g -> p.held.add(g.key()));
        }
    }

    /** The peer's exact key list (vigil-state): more precise than any class. */
    void believeExact(PeerView p, Collection<String> keys) {
        p.vigil = true;
        p.exact = true;
        p.held.clear();
        p.held.addAll(keys);
    }

    /**
     * Sends our {@code resource} announcement, followed by our exact keys when someone can use
     * them: always with three or more nodes (where classes are ambiguous), and in two-node
     * clusters only to a peer known to be Vigil, so that a 3.0.6 peer sees exactly its protocol.
     */
    void announce(Optional<String> info) {
        send(ResourceMessages.resource(held(), stable(), info));
        if (!cfg.twoNode() || peers.values().stream().anyMatch(p -> p.alive && p.vigil)) {
            send(ResourceMessages.vigilState("update", holdingKeys(), ineligibleKeys(), pingCount));
        }
    }

    List<GroupOps.Op> starts(List<LocalGroup> list) {
        List<GroupOps.Op> ops = new ArrayList<>();
        list.forEach(g -> ops.add(new GroupOps.Op(g.key(), GroupOps.Kind.START)));
        return ops;
    }

    /** Stops in reverse haresources order, as Heartbeat releases. */
    List<GroupOps.Op> stops(List<LocalGroup> list) {
        List<GroupOps.Op> ops = new ArrayList<>();
        for (int i = list.size() - 1; i >= 0; i--) {
            ops.add(new GroupOps.Op(list.get(i).key(), GroupOps.Kind.STOP));
        }
        return ops;
    }
}
