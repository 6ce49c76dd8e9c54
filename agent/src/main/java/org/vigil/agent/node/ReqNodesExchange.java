package org.vigil.agent.node;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.vigil.agent.membership.NodeListExchange;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.wire.HaMessage;

/**
 * Heartbeat 3.0's node-list exchange: once comm is up, ask a live peer for its node list
 * ({@code t=reqnodes}) every second until it answers ({@code t=repnodes}); only then go active.
 * A 3.0 peer does the same with us, so the handler answers reqnodes too. A peer that never
 * answers (older Heartbeat) does not keep us out of active forever: after a while we go active
 * and say why.
 */
final class ReqNodesExchange implements NodeListExchange {

    private static final System.Logger LOG = System.getLogger(ReqNodesExchange.class.getName());
    private static final long RETRY = TimeUnit.SECONDS.toNanos(1);
    private static final long GIVE_UP = TimeUnit.SECONDS.toNanos(10);

    private final List<String> peers;
    private final Function<String, NodeStatus> statusOf;
    private final Outbox outbox;
    private long commUp;
    private long lastAsked;
    private boolean asked;
    private boolean answered;
    private boolean gaveUp;

    ReqNodesExchange(List<String> peers, Function<String, NodeStatus> statusOf, Outbox outbox) {
        this.peers = List.copyOf(peers);
        this.statusOf = statusOf;
        this.outbox = outbox;
    }

    @Override
    public void onCommUp(long now) {
        commUp = now;
    }

    @Override
    public boolean readyForActive(long now) {
        if (answered || gaveUp) {
            return true;
        }
        Optional<String> live = peers.stream().filter(p -> isLive(statusOf.apply(p))).findFirst();
        if (live.isEmpty()) {
            return true;
        }
        if (now - commUp > GIVE_UP) {
            gaveUp = true;
            LOG.log(Level.WARNING, "no node list from " + live.get() + " after " + TimeUnit.NANOSECONDS.toSeconds(GIVE_UP)
                    + " s (t=reqnodes unanswered): going active anyway");
            return true;
        }
        if (!asked || now - lastAsked >= RETRY) {
            outbox.send(HaMessage.builder().add(HaMessage.TYPE, "reqnodes").add("dest", live.get()).build());
            asked = true;
            lastAsked = now;
        }
        return false;
    }

    /** A peer answered with its node list. */
    void answered() {
        answered = true;
    }

    private static boolean isLive(NodeStatus s) {
        return s == NodeStatus.UP || s == NodeStatus.ACTIVE;
    }
}
