package org.vigil.agent.membership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vigil.agent.testing.SimNetwork;

/**
 * An independent record, kept at the network, of when each node last delivered a fresh message
 * to each other node. Fresh means not older than the newest (generation, seq) already delivered
 * on that pair: a duplicate copy counts (it proves life), a stale or replayed one does not.
 *
 * <p>The check: a node declared dead by silence must not have delivered a fresh message within
 * the dead time it advertised in that message. A delivery at the very instant of the
 * declaration is the one being processed (3.0.6's late-heartbeat rule), so the previous one is
 * checked instead.
 */
final class LivenessOracle {

    private record Pair(String to, String from) { }

    private static final class Fresh {
        long gen = Long.MIN_VALUE;
        long seq;
        long at;
        long dtNanos;
        long prevAt;
        long prevDtNanos;
        boolean seen;
        boolean prevSeen;
    }

    private final Map<Pair, Fresh> fresh = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long checks;

    void onDelivery(SimNetwork.Delivery d) {
        Heartbeat m = d.message();
        Fresh f = fresh.computeIfAbsent(new Pair(d.to(), d.from()), p -> new Fresh());
        boolean isFresh = m.generation() > f.gen || (m.generation() == f.gen && m.seq() >= f.seq);
        if (!isFresh || m.kind() != MessageKind.STATUS) {
            return;
        }
        f.prevSeen = f.seen;
        f.prevAt = f.at;
        f.prevDtNanos = f.dtNanos;
        f.gen = m.generation();
        f.seq = m.seq();
        f.at = d.at();
        f.dtNanos = m.deadtimeMs() * 1_000_000L;
        f.seen = true;
    }

    void onDeath(String observer, String node, long at) {
        checks++;
        Fresh f = fresh.get(new Pair(observer, node));
        if (f == null || !f.seen) {
            return;
        }
        boolean current = f.at == at;
        boolean seen = current ? f.prevSeen : f.seen;
        long last = current ? f.prevAt : f.at;
        long dt = current ? f.prevDtNanos : f.dtNanos;
        if (seen && at - last <= dt) {
            violations.add(observer + " declared " + node + " dead " + (at - last) / 1_000_000L
                    + " ms after a fresh message (dt " + dt / 1_000_000L + " ms)");
        }
    }

    List<String> violations() {
        return violations;
    }

    long checks() {
        return checks;
    }
}
