package org.vigil.agent.failover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.config.ClusterConfig;
import org.vigil.agent.config.ResourceGroup;

/**
 * What the resource manager needs from the configuration, in a form tests can build directly.
 *
 * @param localNode our node name (lower case)
 * @param nodes the normal nodes in ha.cf order: the deterministic tie-break every node shares
 * @param groups the haresources groups in file order
 * @param pingNodes the ping node / ping_group names (ipfail counts the live ones)
 * @param stonith whether a STONITH device is configured (then a dead node is fenced before takeover)
 * @param rqstDelay Heartbeat's RQSTDELAY: how long a starting node waits for a stable peer (10 s)
 * @param standbyReplyTimeout how long a standby request waits for {@code info=other} (10 s)
 * @param standbyMaxDuration how long a whole standby exchange may take (1 h)
 * @param failedStartOfferDelay how long after a failed start the group is offered to the peer (30 s)
 * @param failedStartHoldoff how long this node stays ineligible for a group whose start failed, so
 *     that auto_failback does not hand it straight back (Heartbeat ping-pongs every 30 s)
 * @param ipfailGiveUpDelay how long ipfail waits before giving up for fewer ping nodes (Heartbeat's
 *     2 x keepalive): the peer's own count, seen a probe later, may still show the counts equal
 */
public record FailoverSettings(String localNode, List<String> nodes, List<Group> groups, AutoFailback autoFailback,
        List<String> pingNodes, boolean stonith, Duration rqstDelay, Duration standbyReplyTimeout,
        Duration standbyMaxDuration, Duration failedStartOfferDelay, Duration failedStartHoldoff,
        Duration ipfailGiveUpDelay) {

    /** One haresources line: its key (first resource as written) and its preferred node. */
    public record Group(String key, String preferredNode) {
        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(preferredNode, "preferredNode");
        }
    }

    public FailoverSettings {
        Objects.requireNonNull(localNode, "localNode");
        nodes = List.copyOf(nodes);
        groups = List.copyOf(groups);
        pingNodes = List.copyOf(pingNodes);
        Objects.requireNonNull(autoFailback, "autoFailback");
        if (!nodes.contains(localNode)) {
            throw new IllegalArgumentException("local node " + localNode + " is not in " + nodes);
        }
    }

    /** Heartbeat's fixed timings around the given cluster description, with its default keepalive (2 s). */
    public static FailoverSettings of(String localNode, List<String> nodes, List<Group> groups,
            AutoFailback autoFailback, List<String> pingNodes, boolean stonith) {
        return new FailoverSettings(localNode, nodes, groups, autoFailback, pingNodes, stonith,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofSeconds(4));
    }

    /** The same settings with ipfail's give-up delay derived from this keepalive (twice it, as Heartbeat). */
    public FailoverSettings withKeepalive(Duration keepalive) {
        return new FailoverSettings(localNode, nodes, groups, autoFailback, pingNodes, stonith, rqstDelay,
                standbyReplyTimeout, standbyMaxDuration, failedStartOfferDelay, failedStartHoldoff,
                keepalive.multipliedBy(2));
    }

    /** The settings for a loaded configuration. */
    public static FailoverSettings from(ClusterConfig config) {
        List<Group> groups = new ArrayList<>();
        for (ResourceGroup g : config.haResources().groups()) {
            groups.add(new Group(g.key(), g.node()));
        }
        // Lower-cased as MembershipSettings names them, so that ping status events match.
        List<String> ping = config.haCf().pingNodes().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
        boolean stonith = config.haCf().stonith().isPresent() || !config.haCf().stonithHosts().isEmpty();
        return of(config.localNode(), config.haCf().nodes(), groups, config.haCf().autoFailback(), ping, stonith)
                .withKeepalive(config.haCf().timing().keepalive());
    }

    /** Whether this is the two-node cluster Heartbeat's resource protocol was written for. */
    public boolean twoNode() {
        return nodes.size() == 2;
    }
}
