package org.vigil.agent.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ha.cf as Vigil understood it: immutable, with Heartbeat's defaults applied.
 *
 * @param nodes the normal nodes, lower-cased, in file order
 * @param raw each directive's last value exactly as written (what {@code cl_status hbparameter}
 *     prints), including directives Vigil only accepts
 * @param lines the line of each directive's last occurrence
 */
public record HaCf(
        String file,
        String clusterName,
        List<String> nodes,
        List<Medium> media,
        int udpPort,
        int baud,
        Timing timing,
        AutoFailback autoFailback,
        boolean autoFailbackExplicit,
        List<PingNode> pingNodes,
        Logging logging,
        Optional<String> stonith,
        List<String> stonithHosts,
        List<String> respawn,
        String msgfmt,
        int hopfudge,
        long maxRexmitDelayMs,
        Map<String, String> raw,
        Map<String, Integer> lines) {

    public HaCf {
        nodes = List.copyOf(nodes);
        media = List.copyOf(media);
        pingNodes = List.copyOf(pingNodes);
        stonithHosts = List.copyOf(stonithHosts);
        respawn = List.copyOf(respawn);
        raw = Map.copyOf(raw);
        lines = Map.copyOf(lines);
    }

    /** The line of a directive, or 0 when it was not written (its default applies). */
    public int lineOf(String directive) {
        return lines.getOrDefault(directive, 0);
    }
}
