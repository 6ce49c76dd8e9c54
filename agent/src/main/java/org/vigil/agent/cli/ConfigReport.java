package org.vigil.agent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vigil.agent.config.AuthKey;
import org.vigil.agent.config.CheckDefinition;
import org.vigil.agent.config.ClusterConfig;
import org.vigil.agent.config.Diagnostic;
import org.vigil.agent.config.HaCf;
import org.vigil.agent.config.LoadedConfig;
import org.vigil.agent.config.Medium;
import org.vigil.agent.config.PingNode;
import org.vigil.agent.config.ResourceCatalog;
import org.vigil.agent.config.ResourceGroup;
import org.vigil.agent.config.ResourceSpec;
import org.vigil.agent.config.Severity;
import org.vigil.agent.config.Timing;

/**
 * What {@code vigil check-config} prints: the diagnostics, then a short normalised summary of the
 * cluster as understood, as text or as JSON (the same content). Never prints a key.
 */
final class ConfigReport {

    private final LoadedConfig loaded;

    ConfigReport(LoadedConfig loaded) {
        this.loaded = loaded;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        loaded.diagnostics().forEach(d -> out.append(d.format()).append('\n'));
        if (!loaded.diagnostics().isEmpty()) {
            out.append('\n');
        }
        ClusterConfig c = loaded.config();
        HaCf h = c.haCf();
        out.append("Cluster ").append(h.clusterName()).append(", local node ").append(c.localNode()).append('\n');
        line(out, "nodes", String.join(", ", h.nodes()));
        line(out, "ping nodes", h.pingNodes().stream().map(ConfigReport::ping).collect(Collectors.joining("; ")));
        line(out, "links", h.media().stream().map(ConfigReport::medium).collect(Collectors.joining("; ")));
        line(out, "timing", timing(h.timing()));
        line(out, "auth", auth(c));
        line(out, "failback", "auto_failback " + h.autoFailback().name().toLowerCase() + (h.autoFailbackExplicit() ? "" : " (default)"));
        out.append("  groups (started left to right, stopped right to left):\n");
        int n = 0;
        for (ResourceGroup g : c.haResources().groups()) {
            out.append("    ").append(++n).append(". ").append(g.node()).append(": ")
                    .append(g.resources().stream().map(ConfigReport::resource).collect(Collectors.joining(" -> ")))
                    .append('\n');
        }
        if (n == 0) {
            out.append("    (none)\n");
        }
        out.append("  checks:\n");
        for (CheckDefinition check : c.checks().checks()) {
            out.append("    ").append(check.name()).append(": ").append(check.type()).append(" every ")
                    .append(check.schedule().interval().toMillis()).append(" ms on group ").append(check.group())
                    .append(", on failure: ").append(check.escalation().action().name().toLowerCase()).append('\n');
        }
        if (c.checks().checks().isEmpty()) {
            out.append("    (none: failover on node death only)\n");
        }
        out.append(counts()).append('\n');
        return out.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        ClusterConfig c = loaded.config();
        root.put("configDir", c.configDir().toString());
        root.put("valid", !loaded.hasErrors());
        root.put("errors", loaded.count(Severity.ERROR));
        root.put("warnings", loaded.count(Severity.WARNING));
        root.put("notes", loaded.count(Severity.NOTE));
        List<Object> diagnostics = new ArrayList<>();
        for (Diagnostic d : loaded.diagnostics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.file());
            m.put("line", d.line());
            m.put("severity", d.severity().label());
            m.put("message", d.message());
            m.put("suggestion", d.suggestion());
            diagnostics.add(m);
        }
        root.put("diagnostics", diagnostics);
        root.put("cluster", cluster(c));
        return root;
    }

    private static Map<String, Object> cluster(ClusterConfig c) {
        HaCf h = c.haCf();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.clusterName());
        m.put("localNode", c.localNode());
        m.put("nodes", h.nodes());
        m.put("pingNodes", h.pingNodes().stream().map(p -> Map.of("name", p.name(), "addresses", p.addresses(),
                "group", p.group())).collect(Collectors.toList()));
        m.put("links", h.media().stream().map(ConfigReport::mediumJson).collect(Collectors.toList()));
        Timing t = h.timing();
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("keepaliveMs", t.keepalive().toMillis());
        timing.put("deadtimeMs", t.deadtime().toMillis());
        timing.put("warntimeMs", t.warntime().toMillis());
        timing.put("initdeadMs", t.initdead().toMillis());
        timing.put("deadpingMs", t.deadping().toMillis());
        m.put("timing", timing);
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("activeIndex", c.authKeys().activeIndex() < 0 ? null : c.authKeys().activeIndex());
        auth.put("method", c.authKeys().active().map(k -> k.algorithm().keyword()).orElse(null));
        auth.put("keys", c.authKeys().sortedKeys().values().stream()
                .map(k -> Map.of("index", k.index(), "method", k.algorithm().keyword())).collect(Collectors.toList()));
        m.put("auth", auth);
        m.put("autoFailback", h.autoFailback().name().toLowerCase());
        m.put("groups", c.haResources().groups().stream().map(ConfigReport::groupJson).collect(Collectors.toList()));
        m.put("checks", c.checks().checks().stream().map(ConfigReport::checkJson).collect(Collectors.toList()));
        return m;
    }

    /** Type, schedule and policy only: the options may hold a password. */
    private static Map<String, Object> checkJson(CheckDefinition c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("group", c.group());
        m.put("type", c.type());
        m.put("intervalMs", c.schedule().interval().toMillis());
        m.put("timeoutMs", c.check().timeout().toMillis());
        m.put("onFail", c.escalation().action().name().toLowerCase());
        m.put("line", c.line());
        return m;
    }

    private static Map<String, Object> groupJson(ResourceGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", g.node());
        m.put("key", g.key());
        m.put("line", g.line());
        m.put("resources", g.resources().stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("name", r.name());
            rm.put("args", r.args());
            rm.put("text", r.text());
            rm.put("kind", r.resolution().kind().name().toLowerCase());
            rm.put("path", r.resolution().path().map(Object::toString).orElse(null));
            return rm;
        }).collect(Collectors.toList()));
        return m;
    }

    private static Map<String, Object> mediumJson(Medium medium) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type(medium));
        m.put("link", medium.linkName());
        m.put("line", medium.line());
        if (medium instanceof Medium.Bcast b) {
            m.put("port", b.port());
        } else if (medium instanceof Medium.Ucast u) {
            m.put("peer", u.peer());
            m.put("port", u.port());
        } else if (medium instanceof Medium.Ucast6 u) {
            m.put("peer", u.peer());
            m.put("port", u.port());
        } else if (medium instanceof Medium.Mcast mc) {
            m.put("group", mc.group());
            m.put("port", mc.port());
            m.put("ttl", mc.ttl());
            m.put("loop", mc.loop());
        } else if (medium instanceof Medium.Mcast6 mc) {
            m.put("group", mc.group());
            m.put("port", mc.port());
            m.put("ttl", mc.ttl());
            m.put("loop", mc.loop());
        } else if (medium instanceof Medium.Serial s) {
            m.put("device", s.device());
            m.put("baud", s.baud());
        }
        return m;
    }

    private static String type(Medium m) {
        return m.getClass().getSimpleName().toLowerCase();
    }

    private static String medium(Medium medium) {
        if (medium instanceof Medium.Bcast b) {
            return "bcast " + b.iface() + " udp/" + b.port();
        } else if (medium instanceof Medium.Ucast u) {
            return "ucast " + u.iface() + " to " + u.peer() + " udp/" + u.port();
        } else if (medium instanceof Medium.Ucast6 u) {
            return "ucast6 " + u.iface() + " to " + u.peer() + " udp/" + u.port();
        } else if (medium instanceof Medium.Mcast m) {
            return "mcast " + m.iface() + " " + m.group() + " udp/" + m.port() + " ttl " + m.ttl();
        } else if (medium instanceof Medium.Mcast6 m) {
            return "mcast6 " + m.iface() + " " + m.group() + " udp/" + m.port() + " ttl " + m.ttl();
        }
        Medium.Serial s = (Medium.Serial) medium;
        return "serial " + s.device() + " " + s.baud() + " baud";
    }

    private static String ping(PingNode p) {
        return p.group() ? p.name() + " (any of " + String.join(", ", p.addresses()) + ")" : p.name();
    }

    private static String timing(Timing t) {
        return "keepalive " + t.keepalive().toMillis() + " ms, deadtime " + t.deadtime().toMillis() + " ms, warntime "
                + t.warntime().toMillis() + " ms, initdead " + t.initdead().toMillis() + " ms, deadping "
                + t.deadping().toMillis() + " ms";
    }

    private static String auth(ClusterConfig c) {
        var keys = c.authKeys();
        String active = keys.active().map(k -> "signs with key " + k.index() + " (" + k.algorithm().keyword() + ")")
                .orElse("no signing key");
        String accepted = keys.sortedKeys().values().stream().map(ConfigReport::key).collect(Collectors.joining(", "));
        return accepted.isEmpty() ? active : active + "; accepts " + accepted;
    }

    private static String key(AuthKey k) {
        return k.index() + " " + k.algorithm().keyword();
    }

    private static String resource(ResourceSpec r) {
        return r.canonical() + (r.resolution().kind() == ResourceCatalog.Kind.MISSING ? " [not found here]" : "");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(String.format("%-12s", label + ":")).append(value.isEmpty() ? "(none)" : value).append('\n');
    }

    private String counts() {
        return plural(loaded.count(Severity.ERROR), "error") + ", " + plural(loaded.count(Severity.WARNING), "warning")
                + ", " + plural(loaded.count(Severity.NOTE), "note");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
