package org.vigil.agent.membership;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The timing and membership directives of ha.cf that the membership core needs, already parsed
 * and validated by the config layer (which owns the diagnostics). Only impossible values are
 * rejected here.
 *
 * @param localNode the local node's name (lower-cased, as Heartbeat does)
 * @param nodes     every configured {@code node}, including the local one
 * @param pingNodes ping node names ({@code ping} IPs and {@code ping_group} names)
 * @param keepalive interval between our status heartbeats
 * @param deadtime  our dead time; what we advertise as {@code dt}
 * @param warntime  late-heartbeat warning threshold
 * @param initdead  dead time used until comm is up, counted from start
 * @param deadping  dead time for ping nodes
 */
public record MembershipSettings(String localNode, List<String> nodes, List<String> pingNodes,
        Duration keepalive, Duration deadtime, Duration warntime, Duration initdead,
        Duration deadping) {

    public MembershipSettings {
        localNode = lower(Objects.requireNonNull(localNode, "localNode"));
        nodes = nodes.stream().map(MembershipSettings::lower).distinct().toList();
        pingNodes = pingNodes.stream().map(MembershipSettings::lower).distinct().toList();
        requirePositive("keepalive", keepalive);
        requirePositive("deadtime", deadtime);
        requirePositive("warntime", warntime);
        requirePositive("initdead", initdead);
        requirePositive("deadping", deadping);
        if (!nodes.contains(localNode)) {
            throw new IllegalArgumentException("Current node [" + localNode + "] not in configuration!");
        }
        for (String p : pingNodes) {
            if (nodes.contains(p)) {
                throw new IllegalArgumentException("[" + p + "] is both a node and a ping node");
            }
        }
    }

    /**
     * Settings with Heartbeat's computed defaults: warntime = deadtime/2, deadping = deadtime, and
     * initdead = deadtime if deadtime &gt; 10 s, 12 s if deadtime &lt; 6 s, else 2 x deadtime.
     */
    public static MembershipSettings withDefaults(String localNode, List<String> nodes,
            Duration keepalive, Duration deadtime) {
        return new MembershipSettings(localNode, nodes, List.of(), keepalive, deadtime,
                deadtime.dividedBy(2), defaultInitdead(deadtime), deadtime);
    }

    /** Heartbeat's unset-initdead rule [H3 config.c init_config]. */
    public static Duration defaultInitdead(Duration deadtime) {
        if (deadtime.compareTo(Duration.ofSeconds(10)) > 0) {
            return deadtime;
        }
        if (deadtime.compareTo(Duration.ofSeconds(6)) < 0) {
            return Duration.ofSeconds(12);
        }
        return deadtime.multipliedBy(2);
    }

    public MembershipSettings withPingNodes(List<String> pings) {
        return new MembershipSettings(localNode, nodes, pings, keepalive, deadtime, warntime,
                initdead, deadping);
    }

    public MembershipSettings withWarntime(Duration w) {
        return new MembershipSettings(localNode, nodes, pingNodes, keepalive, deadtime, w,
                initdead, deadping);
    }

    public MembershipSettings withInitdead(Duration i) {
        return new MembershipSettings(localNode, nodes, pingNodes, keepalive, deadtime, warntime,
                i, deadping);
    }

    public MembershipSettings withDeadping(Duration d) {
        return new MembershipSettings(localNode, nodes, pingNodes, keepalive, deadtime, warntime,
                initdead, d);
    }

    /** The configured nodes other than the local one. */
    public List<String> peers() {
        return nodes.stream().filter(n -> !n.equals(localNode)).toList();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was [" + d + "]");
        }
    }
}
