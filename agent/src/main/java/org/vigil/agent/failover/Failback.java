package org.vigil.agent.failover;

import java.util.Optional;
import org.vigil.agent.config.AutoFailback;

/**
 * {@code auto_failback on} (two nodes): when the peer becomes stable, the holder of the peer's
 * groups asks it, through the standby protocol, to take them back ({@code rsc_hold=foreign}) —
 * unless the peer is ineligible for them or reaches fewer ping nodes than we do.
 */
final class Failback {

    private final FailoverContext ctx;
    private final StandbyProtocol standby;
    /** Set when the peer became stable or its facts changed; cleared once evaluated. */
    private boolean armed;

    Failback(FailoverContext ctx, StandbyProtocol standby) {
        this.ctx = ctx;
        this.standby = standby;
    }

    void arm() {
        armed = true;
    }

    /** Evaluates an armed failback once both sides are stable (it stays armed until then). */
    void check(long now) {
        Optional<PeerView> peer = ctx.peer();
        if (!armed || ctx.cfg.autoFailback() != AutoFailback.ON || peer.isEmpty() || ctx.maintenance) {
            return;
        }
        PeerView p = peer.get();
        if (!p.alive || !p.stable || !ctx.stable() || standby.active()) {
            return;
        }
        armed = false;
        boolean theirs = ctx.groups.values().stream().anyMatch(g -> g.state() == GroupState.STARTED
                && g.preferred().equals(p.name) && !p.ineligible.contains(g.key()));
        boolean fewerPings = p.pingCount.isPresent() && p.pingCount.getAsInt() < ctx.pingCount;
        if (theirs && !fewerPings) {
            standby.request(RscHold.FOREIGN, p, now);
        }
    }
}
