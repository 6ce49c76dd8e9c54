package org.vigil.agent.node;

import java.lang.System.Logger.Level;
import java.util.Map;
import org.vigil.agent.failover.GroupOutcome;
import org.vigil.agent.failover.GroupRunner;

/**
 * Before joining the cluster, a starting node holds nothing: every group is released, so that an
 * address or service left behind by a crash (kill -9, a reboot without a clean stop) cannot run
 * twice once the peer has taken over. Heartbeat only complained ({@code CRITICAL: Resource X is
 * active, and should not be!}) and, worse, skipped the ARP announcement of a stale address when
 * it took it back (the 25 s blackout of reference P2). Stopping a stopped resource is a no-op
 * for every agent, so this costs nothing on a clean start.
 */
final class StartupCleanup {

    private static final System.Logger LOG = System.getLogger(StartupCleanup.class.getName());

    private StartupCleanup() {
    }

    /** @return true when every group is stopped; false when a stop failed (the node must not start groups elsewhere) */
    static boolean releaseAll(Map<String, GroupRunner> groups) {
        boolean clean = true;
        var keys = new java.util.ArrayList<>(groups.keySet());
        java.util.Collections.reverse(keys);
        for (String key : keys) {
            GroupRunner group = groups.get(key);
            if (!group.anyRunning()) {
                continue;
            }
            LOG.log(Level.WARNING, "Resource group " + key + " is active, and should not be: releasing it before joining");
            GroupOutcome outcome = group.stop();
            clean &= outcome.success();
        }
        return clean;
    }
}
