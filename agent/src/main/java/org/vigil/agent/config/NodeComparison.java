package org.vigil.agent.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Compares this node's configuration with another node's ({@code check-config --compare DIR}).
 * Heartbeat needs haresources identical on every node and the same keys everywhere; timings and
 * failback policy should agree too. Differences are reported on this node's lines; keys are
 * compared without ever being printed.
 */
public final class NodeComparison {

    /** Directives whose values should be the same on every node. */
    static final List<String> SHARED_DIRECTIVES = List.of("keepalive", "deadtime", "warntime", "initdead", "deadping",
            "udpport", "baud", "auto_failback", "nice_failback", "crm", "pacemaker", "autojoin", "cluster", "hopfudge",
            "msgfmt", "ping", "ping_group", "stonith");

    private final ClusterConfig local;
    private final ClusterConfig peer;
    private final Diagnostics diagnostics = new Diagnostics();

    private NodeComparison(ClusterConfig local, ClusterConfig peer) {
        this.local = local;
        this.peer = peer;
    }

    public static List<Diagnostic> compare(ClusterConfig local, ClusterConfig peer) {
        NodeComparison c = new NodeComparison(local, peer);
        c.haCf();
        c.authKeys();
        c.haResources();
        return c.diagnostics.sorted();
    }

    private void haCf() {
        HaCf here = local.haCf();
        HaCf there = peer.haCf();
        String file = here.file();
        if (!here.nodes().equals(there.nodes())) {
            diagnostics.warning(file, here.lineOf("node"), "the nodes differ from the peer's " + there.file() + ": ["
                    + String.join(" ", here.nodes()) + "] here, [" + String.join(" ", there.nodes()) + "] there",
                    "list the same nodes in every ha.cf");
        }
        for (String directive : SHARED_DIRECTIVES) {
            String mine = normalise(here.raw().get(directive));
            String theirs = normalise(there.raw().get(directive));
            if (Objects.equals(mine, theirs)) {
                continue;
            }
            diagnostics.warning(file, here.lineOf(directive), directive + " differs between the nodes: "
                    + describe(mine) + " here, " + describe(theirs) + " in " + there.file()
                    + (there.lineOf(directive) > 0 ? ":" + there.lineOf(directive) : "") + consequence(directive, here, there),
                    "use the same value on every node");
        }
    }

    private static String consequence(String directive, HaCf here, HaCf there) {
        if ((directive.equals("nice_failback") || directive.equals("auto_failback")) && here.autoFailback() == there.autoFailback()) {
            return " (both mean auto_failback " + here.autoFailback().name().toLowerCase() + " to Heartbeat 3.0.6, but"
                    + " the intents differ)";
        }
        if (directive.equals("deadtime") || directive.equals("keepalive")) {
            return " (each node judges the other against the deadtime the other advertises)";
        }
        return "";
    }

    private void authKeys() {
        AuthKeys here = local.authKeys();
        AuthKeys there = peer.authKeys();
        for (AuthKey key : here.sortedKeys().values()) {
            AuthKey other = there.keys().get(key.index());
            boolean usedBetweenUs = key.index() == here.activeIndex() || key.index() == there.activeIndex();
            if (other == null && key.index() == here.activeIndex()) {
                diagnostics.error(here.file(), 0, "key " + key.index() + " signs this node's messages but is not in the peer's "
                        + there.file() + ": the peer will reject them", "copy authkeys to every node");
            } else if (other != null && !other.equals(key) && usedBetweenUs) {
                diagnostics.error(here.file(), 0, "key " + key.index() + " (" + key.algorithm().keyword() + ") differs from the"
                        + " peer's key " + key.index() + " (" + other.algorithm().keyword() + "): the nodes will reject each"
                        + " other's messages", "copy authkeys to every node");
            }
        }
    }

    private void haResources() {
        List<String> here = groups(local.haResources());
        List<String> there = groups(peer.haResources());
        if (here.equals(there)) {
            return;
        }
        String file = local.haResources().file();
        List<ResourceGroup> mine = local.haResources().groups();
        for (int i = 0; i < Math.max(here.size(), there.size()); i++) {
            String a = i < here.size() ? here.get(i) : null;
            String b = i < there.size() ? there.get(i) : null;
            if (!Objects.equals(a, b)) {
                diagnostics.warning(file, i < mine.size() ? mine.get(i).line() : 0, "haresources differs from the peer's "
                        + peer.haResources().file() + ": group " + (i + 1) + " is " + describe(a) + " here, " + describe(b)
                        + " there", "haresources must be identical on every node");
                return;
            }
        }
    }

    private static List<String> groups(HaResources resources) {
        return resources.groups().stream().map(g -> g.node() + " "
                + g.resources().stream().map(ResourceSpec::canonical).collect(Collectors.joining(" ")))
                .collect(Collectors.toList());
    }

    private static String normalise(String value) {
        return value == null ? null : String.join(" ", Arrays.asList(value.strip().split("[\\s,]+")));
    }

    private static String describe(String value) {
        return value == null ? "not set" : "[" + value + "]";
    }
}
