package org.vigil.agent.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rules that need more than one file: the local node must be a node; haresources names only
 * ha.cf nodes (compared without case, like host names); a group key, an address or a resource
 * belongs to one group only.
 */
final class CrossFileRules {

    private final HaCf haCf;
    private final HaResources resources;
    private final Diagnostics diagnostics;

    CrossFileRules(HaCf haCf, HaResources resources, Diagnostics diagnostics) {
        this.haCf = haCf;
        this.resources = resources;
        this.diagnostics = diagnostics;
    }

    void checkLocalNode(String localNode, boolean fromOption) {
        if (haCf.nodes().isEmpty() || haCf.nodes().contains(localNode)) {
            return;
        }
        String known = String.join(", ", haCf.nodes());
        Optional<String> near = Suggestions.closest(localNode, haCf.nodes(), Suggestions.toleranceFor(localNode));
        diagnostics.error(haCf.file(), 0, (fromOption ? "--node [" : "this node [") + localNode
                + "] is not in the configuration (nodes: " + known + ")",
                near.map(n -> "did you mean " + n + "?").orElse(fromOption ? "pass one of: " + known
                        : "run on a cluster node, pass --node NAME, or add 'node " + localNode + "'"));
    }

    void checkGroups() {
        Map<String, ResourceGroup> byKey = new HashMap<>();
        Map<String, ResourceGroup> byAddress = new HashMap<>();
        Map<String, ResourceGroup> byResource = new HashMap<>();
        for (ResourceGroup group : resources.groups()) {
            checkNode(group);
            ResourceGroup sameKey = byKey.putIfAbsent(group.key(), group);
            if (sameKey != null) {
                duplicateKey(group, sameKey);
                continue;
            }
            for (ResourceSpec r : group.resources()) {
                address(r).ifPresent(a -> conflict(byAddress.putIfAbsent(a, group), group, "address [" + a + "]"));
                if (!r.name().equals("MailTo") && !r.isAddress()) {
                    conflict(byResource.putIfAbsent(r.canonical(), group), group, "resource [" + r.text() + "]");
                }
            }
        }
        noteUnfencedDisks();
    }

    /** A check watches a haresources group, and restarts a resource of that group. */
    void checkChecks(ChecksFile checks) {
        List<String> keys = resources.groups().stream().map(ResourceGroup::key).toList();
        for (CheckDefinition c : checks.checks()) {
            Optional<ResourceGroup> group = resources.groups().stream().filter(g -> g.key().equals(c.group())).findFirst();
            if (group.isEmpty()) {
                diagnostics.error(checks.file(), c.line(), "service [" + c.name() + "] watches [" + c.group()
                        + "], which is not the key of a group in " + resources.file(),
                        Suggestions.closest(c.group(), keys, 3).map(k -> "did you mean " + k + "?")
                                .orElse(keys.isEmpty() ? "define the group in haresources" : "group keys: " + String.join(", ", keys)));
                continue;
            }
            String resource = c.escalation().resource();
            if (resource != null && group.get().resources().stream()
                    .noneMatch(r -> r.text().equals(resource) || r.name().equals(resource))) {
                diagnostics.error(checks.file(), c.line(), "service [" + c.name() + "]: resource [" + resource
                        + "] is not in group [" + c.group() + "]", "name one of: " + group.get().resources().stream()
                                .map(ResourceSpec::text).collect(Collectors.joining(", ")));
            }
        }
    }

    private void checkNode(ResourceGroup group) {
        String file = resources.file();
        if (haCf.nodes().contains(group.node())) {
            if (!group.nodeAsWritten().equals(group.node())) {
                diagnostics.note(file, group.line(), "[" + group.nodeAsWritten() + "] is node [" + group.node()
                        + "]: node names compare without case, like host names");
            }
            return;
        }
        boolean ping = haCf.pingNodes().stream().anyMatch(p -> p.name().equalsIgnoreCase(group.node()));
        if (ping) {
            diagnostics.error(file, group.line(), "[" + group.nodeAsWritten() + "] is a ping node: it cannot hold resources",
                    "name a cluster node: " + String.join(", ", haCf.nodes()));
            return;
        }
        diagnostics.error(file, group.line(), "bad node name [" + group.nodeAsWritten() + "]: not a node in "
                + haCf.file() + " (nodes: " + String.join(", ", haCf.nodes()) + ")",
                Suggestions.closest(group.node(), haCf.nodes(), Suggestions.toleranceFor(group.node()))
                        .map(n -> "did you mean " + n + "?").orElse("add 'node " + group.node() + "' to ha.cf"));
    }

    private void duplicateKey(ResourceGroup group, ResourceGroup first) {
        String sameText = first.resources().stream().map(ResourceSpec::text).collect(Collectors.joining(" "))
                .equals(group.resources().stream().map(ResourceSpec::text).collect(Collectors.joining(" ")))
                ? " (the same resources, for node [" + group.node() + "] instead of [" + first.node() + "])" : "";
        diagnostics.error(resources.file(), group.line(), "group key [" + group.key()
                + "] is also the key of the group on line " + first.line() + sameText
                + ": a key must be unique, one line per group",
                "keep one line with the preferred node, delete the other; the file must be identical on every node");
    }

    private void conflict(ResourceGroup first, ResourceGroup group, String what) {
        if (first != null && first != group) {
            diagnostics.error(resources.file(), group.line(), what + " is also in the group on line " + first.line()
                    + ": a resource belongs to one group only", "move it into one group");
        }
    }

    /** The address an address resource adds; IPv6 in one spelling, so that {@code ::10} and {@code 0::10} clash. */
    private static Optional<String> address(ResourceSpec r) {
        if (!r.isAddress()) {
            return Optional.empty();
        }
        String address = r.args().get(0).split("/", 2)[0];
        return Optional.of(Addresses.ipv6Literal(address).map(a -> a.getHostAddress()).orElse(address));
    }

    private void noteUnfencedDisks() {
        if (haCf.stonith().isPresent() || !haCf.stonithHosts().isEmpty()) {
            return;
        }
        resources.groups().stream()
                .filter(g -> g.resources().stream().anyMatch(r -> List.of("Filesystem", "drbddisk").contains(r.name())))
                .findFirst()
                .ifPresent(g -> diagnostics.note(resources.file(), g.line(), "no stonith in ha.cf: shared disks are not "
                        + "protected if both nodes take over (split brain)", "configure stonith or stonith_host"));
    }
}
