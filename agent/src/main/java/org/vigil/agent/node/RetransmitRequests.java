package org.vigil.agent.node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.MembershipListener;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.wire.ControlMessages;

/**
 * Asks peers for messages we missed, as Heartbeat does: one {@code NS_rexmit} per missing
 * sequence number, first after a random 50..max_rexmit_delay ms (so that several receivers do
 * not ask at once), then again every max_rexmit_delay while still missing, a few times at most.
 * Events arrive on the loop thread; the timers only hand work back to it.
 */
final class RetransmitRequests implements MembershipListener {

    static final int MAX_ASKS = 5;

    private final long maxDelayMs;
    private final ScheduledExecutorService timers;
    private final Consumer<Runnable> onLoop;
    private final Outbox outbox;
    private final Random random;
    private final Map<String, Set<Long>> missing = new HashMap<>();

    /** @param onLoop runs a task on the membership loop thread */
    RetransmitRequests(long maxDelayMs, ScheduledExecutorService timers, Consumer<Runnable> onLoop, Outbox outbox, Random random) {
        this.maxDelayMs = Math.max(60, maxDelayMs);
        this.timers = timers;
        this.onLoop = onLoop;
        this.outbox = outbox;
        this.random = random;
    }

    @Override
    public void onEvent(MembershipEvent event) {
        if (event instanceof MembershipEvent.RetransmitRequested r) {
            missing.computeIfAbsent(r.node(), k -> new HashSet<>()).add(r.seq());
            schedule(r.node(), r.seq(), 50 + random.nextInt((int) (maxDelayMs - 49)), 1);
        } else if (event instanceof MembershipEvent.MissingPacketsRecovered m) {
            missing.remove(m.node());
        } else if (event instanceof MembershipEvent.NodeRestarted n) {
            missing.remove(n.node());
        } else if (event instanceof MembershipEvent.NodeStatusChanged s && s.to() == NodeStatus.DEAD) {
            missing.remove(s.node());
        }
    }

    private void schedule(String node, long seq, long delayMs, int attempt) {
        timers.schedule(() -> onLoop.accept(() -> ask(node, seq, attempt)), delayMs, TimeUnit.MILLISECONDS);
    }

    private void ask(String node, long seq, int attempt) {
        Set<Long> stillMissing = missing.get(node);
        if (stillMissing == null || !stillMissing.contains(seq)) {
            return;
        }
        outbox.send(ControlMessages.rexmit(node, seq, seq));
        if (attempt < MAX_ASKS) {
            schedule(node, seq, maxDelayMs, attempt + 1);
        } else {
            stillMissing.remove(seq);
        }
    }
}
