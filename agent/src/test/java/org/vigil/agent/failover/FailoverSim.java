package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.LinkStatus;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.MembershipEvent.Cause;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.time.FakeTicker;
import org.vigil.agent.wire.HaMessage;

/**
 * N resource managers on one fake clock, joined by an in-memory network that can be cut between
 * any two nodes. Membership is not simulated: tests inject the events the membership layer would
 * emit. After every step it checks the invariant that no group really runs on two nodes at once,
 * except while a test has declared a partition (and until it is resolved).
 */
final class FailoverSim {

    private record Due(long at, long seq, Runnable task) {
    }

    final FakeTicker ticker = new FakeTicker();
    private final long origin = ticker.nanoTime();
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.at() - origin, b.at() - origin);
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    private long seq;
    private long lastTickMs;
    final Map<String, SimHost> hosts = new LinkedHashMap<>();
    final List<String> timeline = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    private final Set<Set<String>> cuts = new HashSet<>();
    private final FailoverSettings base;
    long netDelayMs = 2;
    /** While set, two holders of a group are expected (a partition and its heal). */
    boolean partitionExpected;

    FailoverSim(List<String> nodes, List<FailoverSettings.Group> groups, AutoFailback mode, boolean stonith,
            List<String> pingNodes) {
        base = FailoverSettings.of(nodes.get(0), nodes, groups, mode, pingNodes, stonith);
        nodes.forEach(n -> hosts.put(n, new SimHost(n, this)));
    }

    static FailoverSim twoNodes(AutoFailback mode) {
        return new FailoverSim(List.of("a", "b"), List.of(group("ip-a", "a"), group("web-a", "a"),
                group("ip-b", "b")), mode, false, List.of());
    }

    static FailoverSettings.Group group(String key, String node) {
        return new FailoverSettings.Group(key, node);
    }

    SimHost host(String n) {
        return hosts.get(n);
    }

    long now() {
        return ticker.nanoTime();
    }

    long nowMs() {
        return (ticker.nanoTime() - origin) / 1_000_000L;
    }

    void after(long ms, Runnable task) {
        queue.add(new Due(now() + ms * 1_000_000L, seq++, task));
    }

    /** Boots a node's resource manager (not yet comm-up), with optional settings changes. */
    SimHost boot(String n, UnaryOperator<FailoverSettings> tweak) {
        SimHost h = host(n);
        FailoverSettings s = tweak.apply(new FailoverSettings(n, base.nodes(), base.groups(), base.autoFailback(),
                base.pingNodes(), base.stonith(), base.rqstDelay(), base.standbyReplyTimeout(),
                base.standbyMaxDuration(), base.failedStartOfferDelay(), base.failedStartHoldoff(),
                base.ipfailGiveUpDelay()));
        h.rm = new ResourceManager(s, h, now());
        h.up = true;
        h.exitedWithShutdone = null;
        return h;
    }

    /** Starts the named nodes together: each hears the others, then comm is up everywhere. */
    void startTogether(String... names) {
        for (String n : names) {
            boot(n, s -> s);
        }
        for (String n : names) {
            for (String other : hosts.keySet()) {
                if (!other.equals(n)) {
                    boolean alive = List.of(names).contains(other) || host(other).up;
                    event(n, new MembershipEvent.NodeStatusChanged(other, NodeStatus.INIT,
                            alive ? NodeStatus.ACTIVE : NodeStatus.DEAD, alive ? Cause.MESSAGE : Cause.TIMEOUT));
                }
            }
        }
        for (String n : names) {
            event(n, new MembershipEvent.CommUp());
        }
        for (String n : names) { // running nodes see the newcomers come up
            hosts.values().stream().filter(h -> h.up && !List.of(names).contains(h.name)).forEach(h ->
                    event(h.name, new MembershipEvent.NodeStatusChanged(n, NodeStatus.DEAD, NodeStatus.ACTIVE,
                            Cause.MESSAGE)));
        }
    }

    void event(String observer, MembershipEvent e) {
        SimHost h = host(observer);
        if (h.up) {
            h.rm.onMembershipEvent(e, now());
            check();
        }
    }

    /** Every up node other than {@code dead} declares it dead (deadtime expired). */
    void declareDead(String dead) {
        hosts.values().stream().filter(h -> h.up && !h.name.equals(dead)).forEach(h ->
                event(h.name, new MembershipEvent.NodeStatusChanged(dead, NodeStatus.ACTIVE, NodeStatus.DEAD,
                        Cause.TIMEOUT)));
    }

    /** The node loses power: its process and everything it ran are gone. */
    void powerOff(String n) {
        SimHost h = host(n);
        h.up = false;
        h.exec.clear();
        check();
    }

    void cut(String a, String b) {
        cuts.add(Set.of(a, b));
        partitionExpected = true;
    }

    /** Restores the network between a and b: both see the other return after a partition. */
    void healLinks(String a, String b) {
        cuts.remove(Set.of(a, b));
        for (String[] pair : new String[][] {{a, b}, {b, a}}) {
            event(pair[0], new MembershipEvent.PartitionHealed(pair[1]));
            event(pair[0], new MembershipEvent.NodeStatusChanged(pair[1], NodeStatus.DEAD, NodeStatus.ACTIVE,
                    Cause.MESSAGE));
        }
    }

    /** Restores the network without any membership event (the test injects its own). */
    void healLinksQuietly(String a, String b) {
        cuts.remove(Set.of(a, b));
    }

    void linkDead(String observer, String peer) {
        event(observer, new MembershipEvent.LinkStatusChanged(peer, "eth1", LinkStatus.DEAD));
    }

    void transmit(SimHost from, HaMessage body, Optional<String> dest) {
        for (SimHost to : hosts.values()) {
            boolean addressed = dest.map(d -> d.equals(to.name)).orElse(true);
            if (to == from || !addressed || cuts.contains(Set.of(from.name, to.name))) {
                continue;
            }
            ResourceManager target = to.rm;
            after(netDelayMs, () -> {
                if (to.up && to.rm == target && !cuts.contains(Set.of(from.name, to.name))) {
                    to.rm.onMessage(from.name, body, now());
                    check();
                }
            });
        }
    }

    /** readyToExit: the runtime's shutdone, then the process is gone (its resources were released). */
    void exited(SimHost h, boolean shutdone) {
        after(netDelayMs + 1, () -> { // shutdone travels behind the messages sent before it
            h.up = false;
            if (shutdone) {
                hosts.values().stream().filter(o -> o.up && o != h && !cuts.contains(Set.of(o.name, h.name)))
                        .forEach(o -> {
                            event(o.name, new MembershipEvent.ShutdownNotice(h.name));
                            event(o.name, new MembershipEvent.NodeStatusChanged(h.name, NodeStatus.ACTIVE,
                                    NodeStatus.DEAD, Cause.SHUTDOWN));
                        });
            }
        });
    }

    /** Runs the clock forward in 10 ms steps, delivering due work and ticking every 250 ms. */
    void advance(long ms) {
        long end = nowMs() + ms;
        while (nowMs() < end) {
            ticker.advanceMillis(10);
            runDue();
            if (nowMs() - lastTickMs >= 250) {
                lastTickMs = nowMs();
                hosts.values().stream().filter(h -> h.up).forEach(h -> {
                    h.rm.onTick(now());
                    check();
                });
                runDue();
            }
        }
    }

    private void runDue() {
        while (!queue.isEmpty() && queue.peek().at() - now() <= 0) {
            queue.poll().task().run();
        }
    }

    /** The invariant: outside a declared partition, no group runs on two nodes. */
    void check() {
        if (partitionExpected) {
            return;
        }
        Map<String, List<String>> holders = new LinkedHashMap<>();
        hosts.values().forEach(h -> h.holding().forEach(k -> holders.computeIfAbsent(k, x -> new ArrayList<>())
                .add(h.name)));
        holders.forEach((k, hs) -> {
            if (hs.size() > 1) {
                violations.add(nowMs() + " ms: " + k + " held by " + hs);
            }
        });
    }

    void assertInvariant() {
        assertEquals(List.of(), violations, "a group ran on two nodes at once");
    }

    /** Who really holds each group (for assertions): key to node names. */
    Map<String, List<String>> placement() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        base.groups().forEach(g -> out.put(g.key(), new ArrayList<>()));
        hosts.values().forEach(h -> h.exec.forEach((k, st) -> {
            if (st == SimHost.Exec.STARTED) {
                out.get(k).add(h.name);
            }
        }));
        return out;
    }
}
