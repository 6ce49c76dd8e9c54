package org.vigil.agent.failover;

import java.util.Optional;
import org.vigil.agent.membership.LogLine;
import org.vigil.agent.wire.HaMessage;

/**
 * What the {@link ResourceManager} asks the runtime to do. Every call is made on the event loop
 * and must return at once: slow work (scripts, fencing) runs elsewhere and is reported back
 * through {@link ResourceManager#onGroupOutcome} and {@link ResourceManager#onFenceResult}.
 */
public interface ResourceActions {

    /**
     * Run {@link GroupRunner#start()} for the group (also used to re-announce a group already held:
     * IPaddr's start re-sends gratuitous ARP). Report with {@link ResourceManager#onGroupOutcome}.
     */
    void startGroup(String key);

    /** Run {@link GroupRunner#stop()} for the group and report with {@link ResourceManager#onGroupOutcome}. */
    void stopGroup(String key);

    /**
     * Send a cluster message. {@code body} holds only the message's own fields ({@code t} first);
     * the runtime adds {@code dest} (when present), the default fields, seq and auth.
     */
    void send(HaMessage body, Optional<String> dest);

    /** Reset the node with the configured STONITH device; report with {@link ResourceManager#onFenceResult}. */
    void fence(String node);

    /** Log one line with Heartbeat's severity word and text. */
    void log(LogLine line);

    /**
     * A group could not be stopped: it may still run here, so it must not run anywhere else until
     * this node is fenced or rebooted. The runtime escalates (Heartbeat reboots at once).
     */
    void stopFailed(String key);

    /**
     * Our graceful shutdown has finished with the resources. With {@code sendShutdone} the runtime
     * sends {@code t=shutdone st=dead} and exits; without it (maintenance mode: resources were left
     * running on purpose) it exits without telling peers to take over.
     */
    void readyToExit(boolean sendShutdone);
}
