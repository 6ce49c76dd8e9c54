package org.vigil.agent.node;

import java.lang.System.Logger.Level;
import java.util.function.Function;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.MembershipListener;
import org.vigil.agent.membership.MembershipLog;

/**
 * Membership's Heartbeat-style log lines, except that a replayed packet is logged once a minute
 * per node, with the address it came from: a replaying attacker must not be able to flood the log.
 */
final class QuietMembershipLog implements MembershipListener {

    private final MembershipLog log = new MembershipLog();
    private final RateLimitedLog quiet;
    private final Function<String, String> lastAddress;

    /** @param lastAddress where a node's last message came from */
    QuietMembershipLog(RateLimitedLog quiet, Function<String, String> lastAddress) {
        this.quiet = quiet;
        this.lastAddress = lastAddress;
    }

    @Override
    public void onEvent(MembershipEvent event) {
        if (event instanceof MembershipEvent.ReplayRejected r) {
            quiet.log(Level.ERROR, "replay:" + r.node(), "should_drop_message: attempted replay attack [" + r.node()
                    + "]? [gen = " + r.generation() + ", curgen = " + r.currentGeneration() + "] from "
                    + lastAddress.apply(r.node()));
        } else {
            log.onEvent(event);
        }
    }
}
