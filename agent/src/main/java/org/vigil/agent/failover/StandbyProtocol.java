package org.vigil.agent.failover;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.LogLine.Severity;
import org.vigil.agent.wire.HaMessage;

/**
 * Heartbeat's standby protocol ({@code ask_resources} me / other / done), used by hb_standby,
 * hb_takeover, auto_failback, ipfail and failed starts. The requester releases first and says
 * {@code done} only once its stops completed; the acceptor starts only on that {@code done}. So
 * a group is never held by both nodes: the outage is exactly one stop plus one start.
 */
final class StandbyProtocol {

    private enum Role { REQUESTER, ACCEPTOR }

    private enum Stage { ASKED, RELEASING, RELEASED, ACCEPTED, ACQUIRING }

    /** The exchange under way; at most one at a time, as in Heartbeat. */
    private record Exchange(Role role, String peer, RscHold hold, Stage stage, long replyDeadline, long deadline) {
        Exchange at(Stage s) {
            return new Exchange(role, peer, hold, s, replyDeadline, deadline);
        }
    }

    private final FailoverContext ctx;
    private final LongConsumer settle;
    private Exchange ex;

    StandbyProtocol(FailoverContext ctx, LongConsumer settle) {
        this.ctx = ctx;
        this.settle = settle;
    }

    /**
     * Asks {@code peer} to take the groups of class {@code hold} (our view) from us.
     *
     * @return whether the request was sent
     */
    boolean request(RscHold hold, PeerView peer, long now) {
        if (ctx.cfg.autoFailback() == AutoFailback.LEGACY) {
            ctx.log(Severity.WARN, "Standby mode only implemented when nice_failback on");
            return false;
        }
        if (!ctx.cfg.twoNode()) {
            // rsc_hold classes cannot say which third of a three-node cluster is meant.
            ctx.log(Severity.WARN, "Standby request [" + hold.wireName() + "] not sent: only two-node clusters.");
            return false;
        }
        if (ctx.maintenance || !peer.alive || !ctx.stable() || !peer.stable || ex != null) {
            ctx.log(Severity.WARN, "Standby request [" + hold.wireName() + "] not sent: "
                    + (ctx.maintenance ? "maintenance mode is on." : "resources are in flux."));
            return false;
        }
        long reply = now + ctx.cfg.standbyReplyTimeout().toNanos();
        set(new Exchange(Role.REQUESTER, peer.name, hold, Stage.ASKED, reply,
                now + ctx.cfg.standbyMaxDuration().toNanos()));
        send(peer.name, ResourceMessages.askResources(hold, ResourceMessages.ME));
        return true;
    }

    void onAskResources(PeerView from, HaMessage msg, long now) {
        Optional<RscHold> hold = msg.string("rsc_hold").flatMap(RscHold::fromWire);
        String info = msg.string("info").orElse("");
        if (hold.isEmpty() || ctx.cfg.autoFailback() == AutoFailback.LEGACY) {
            return;
        }
        switch (info) {
            case ResourceMessages.ME -> onMe(from, hold.get(), now);
            case ResourceMessages.OTHER -> onOther(from, now);
            case ResourceMessages.DONE -> onDone(from, now);
            default -> { }
        }
    }

    private void onMe(PeerView from, RscHold hold, long now) {
        if (!ctx.cfg.twoNode() || ctx.maintenance || !ctx.stable() || !from.stable || ex != null) {
            ctx.log(Severity.WARN, "standby message [" + ResourceMessages.ME + "] from " + from.name
                    + " ignored.  Other side is in flux.");
            return;
        }
        ctx.info(from.name + " wants to go standby [" + hold.wireName() + "]");
        set(new Exchange(Role.ACCEPTOR, from.name, hold, Stage.ACCEPTED, now,
                now + ctx.cfg.standbyMaxDuration().toNanos()));
        send(from.name, ResourceMessages.askResources(hold, ResourceMessages.OTHER));
    }

    private void onOther(PeerView from, long now) {
        if (ex == null || ex.role() != Role.REQUESTER || ex.stage() != Stage.ASKED || !ex.peer().equals(from.name)) {
            return;
        }
        RscHold hold = ex.hold();
        ctx.info("standby: " + from.name + " can take our " + hold.wireName() + " resources");
        set(ex.at(Stage.RELEASING));
        List<LocalGroup> release = ctx.inClass(hold, ctx.local()).stream().filter(ctx::holds).toList();
        ctx.ops.submit(ctx.stops(release), (r, t) -> released(from, hold, r, t), now);
    }

    private void released(PeerView to, RscHold hold, GroupOps.Result r, long now) {
        if (ex == null || ex.stage() != Stage.RELEASING) {
            return; // cancelled meanwhile (the peer died): the takeover path owns the groups now
        }
        if (!r.failedStops().isEmpty()) {
            // Never say done: the peer would start a group that may still run here.
            ctx.log(Severity.ERROR, "Standby request cancelled: not all " + hold.wireName() + " resources released.");
            finish(now);
            return;
        }
        set(ex.at(Stage.RELEASED));
        ctx.announce(Optional.of("standby"));
        send(to.name, ResourceMessages.askResources(hold, ResourceMessages.DONE));
        ctx.info("Local standby process completed [" + hold.wireName() + "].");
    }

    private void onDone(PeerView from, long now) {
        if (ex == null || !ex.peer().equals(from.name)) {
            return; // e.g. the unsolicited done a 3.0.6 node sends after a shutdown takeover
        }
        if (ex.role() == Role.REQUESTER && ex.stage() == Stage.RELEASED) {
            ctx.info("Other node completed standby takeover of " + ex.hold().wireName() + " resources.");
            finish(now);
        } else if (ex.role() == Role.ACCEPTOR && ex.stage() == Stage.ACCEPTED) {
            RscHold hold = ex.hold();
            ctx.info("standby: acquire [" + hold.wireName() + "] resources from " + from.name);
            set(ex.at(Stage.ACQUIRING));
            List<LocalGroup> take = ctx.inClass(hold, from.name).stream()
                    .filter(g -> !ctx.holds(g) && g.eligible() && !ctx.heldByAlivePeer(g.key(), from.name))
                    .toList();
            from.held.removeAll(take.stream().map(LocalGroup::key).toList());
            ctx.ops.submit(ctx.starts(take), (r, t) -> acquired(from, hold, r, t), now);
        }
    }

    private void acquired(PeerView from, RscHold hold, GroupOps.Result r, long now) {
        if (ex == null || ex.stage() != Stage.ACQUIRING) {
            return;
        }
        ctx.info("Standby resource acquisition done [" + hold.wireName() + "].");
        send(from.name, ResourceMessages.askResources(hold, ResourceMessages.DONE));
        finish(now);
    }

    /** The requester announced itself stable while we waited for its done: it gave up (stop failure). */
    void onPeerStable(PeerView from, long now) {
        if (ex != null && ex.role() == Role.ACCEPTOR && ex.stage() == Stage.ACCEPTED && ex.peer().equals(from.name)) {
            ctx.log(Severity.WARN, "Standby request from " + from.name + " withdrawn.");
            finish(now);
        }
    }

    void onTick(long now) {
        if (ex == null) {
            return;
        }
        if (ex.stage() == Stage.ASKED && ex.replyDeadline() - now <= 0) {
            ctx.log(Severity.WARN, "No reply to standby request.  Standby request cancelled.");
            finish(now);
        } else if (ex.deadline() - now <= 0) {
            ctx.log(Severity.WARN, "Standby process timed out.  Standby request cancelled.");
            finish(now);
        }
    }

    /** The peer died or restarted: the exchange with it is over (what it held is the takeover's). */
    void peerGone(String node, long now) {
        if (ex != null && ex.peer().equals(node)) {
            set(null);
        }
    }

    boolean active() {
        return ex != null;
    }

    private void finish(long now) {
        set(null);
        ctx.announce(Optional.empty());
        settle.accept(now);
    }

    private void set(Exchange e) {
        ex = e;
        ctx.inStandby = e != null;
    }

    /** Two-node exchanges go out without dest, exactly as a 3.0.6 node sends them. */
    private void send(String peer, HaMessage body) {
        if (ctx.cfg.twoNode()) {
            ctx.send(body);
        } else {
            ctx.sendTo(peer, body);
        }
    }
}
