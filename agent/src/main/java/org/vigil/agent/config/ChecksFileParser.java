package org.vigil.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckRegistry;
import org.vigil.checks.policy.AlertPolicy;
import org.vigil.checks.policy.EscalationPolicy;
import org.vigil.checks.schedule.Schedule;

/**
 * Reads the checks file, in words mon users know ({@code docs/checks.md}):
 * <pre>
 * watch 192.168.1.10            # a resource group, by its haresources key
 *     service web
 *         monitor http url=http://192.168.1.10/ timeout=3s
 *         interval 10s
 *         alertafter 3
 *         on_fail move
 * </pre>
 * Every line inside a service is {@code option value...}; {@code monitor TYPE [option=value...]}
 * names the check type. Problems are diagnostics on the line of the option concerned.
 */
public final class ChecksFileParser {

    /** Options read by the schedule, the alert policy and the escalation, not by the check itself. */
    static final Set<String> POLICY_OPTIONS = Set.of("interval", "failure_interval", "randskew", "exclude_period",
            "alertafter", "alertevery", "numalerts", "upalert", "no_comp_alerts", "startupalert", "rise",
            "flap_threshold", "flap_window", "on_fail", "resource", "max_restarts", "restart_window", "failure_timeout");
    private static final Pattern OPTION_IN_ERROR = Pattern.compile("option '([^']+)'");

    private final String file;
    private final Diagnostics diagnostics;
    private final CheckRegistry registry;
    private final List<CheckDefinition> checks = new ArrayList<>();
    private String group;
    private Service service;

    /** A service being read: its options and the line each came from. */
    private static final class Service {
        final String name;
        final String group;
        final int line;
        String type;
        final Map<String, String> options = new LinkedHashMap<>();
        final Map<String, Integer> lines = new HashMap<>();

        Service(String name, String group, int line) {
            this.name = name;
            this.group = group;
            this.line = line;
        }
    }

    private ChecksFileParser(String file, Diagnostics diagnostics, CheckRegistry registry) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.registry = registry;
    }

    public static ChecksFile parse(String file, String content, Diagnostics diagnostics, CheckRegistry registry) {
        ChecksFileParser parser = new ChecksFileParser(file, diagnostics, registry);
        for (ConfigText.Line line : ConfigText.lines(content, true)) {
            parser.line(line.number(), words(line.text()));
        }
        parser.finishService();
        return new ChecksFile(file, parser.checks);
    }

    private void line(int line, List<String> w) {
        switch (w.get(0)) {
            case "watch" -> watch(line, w);
            case "service" -> service(line, w);
            case "monitor" -> monitor(line, w);
            default -> option(line, w);
        }
    }

    private void watch(int line, List<String> w) {
        finishService();
        if (w.size() != 2) {
            diagnostics.error(file, line, "watch needs one resource group key", "write: watch GROUP-KEY (the first resource of its haresources line)");
            group = null;
            return;
        }
        group = w.get(1);
    }

    private void service(int line, List<String> w) {
        finishService();
        if (group == null) {
            diagnostics.error(file, line, "service outside a watch", "start the section with: watch GROUP-KEY");
            return;
        }
        if (w.size() != 2 || !w.get(1).matches("[A-Za-z0-9_.-]+")) {
            diagnostics.error(file, line, "service needs one name of letters, digits, '.', '_' or '-'", "write: service web");
            return;
        }
        if (checks.stream().anyMatch(c -> c.name().equals(w.get(1)))) {
            diagnostics.error(file, line, "service [" + w.get(1) + "] is defined twice", "give each service its own name");
            return;
        }
        service = new Service(w.get(1), group, line);
    }

    private void monitor(int line, List<String> w) {
        if (service == null) {
            diagnostics.error(file, line, "monitor outside a service", "put it under: service NAME");
            return;
        }
        if (w.size() < 2) {
            diagnostics.error(file, line, "monitor needs a check type", "known types: " + String.join(", ", registry.types()));
            return;
        }
        service.type = w.get(1);
        service.lines.put("monitor", line);
        for (String assignment : w.subList(2, w.size())) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                diagnostics.error(file, line, "monitor option [" + assignment + "] is not NAME=VALUE");
                continue;
            }
            put(assignment.substring(0, eq), assignment.substring(eq + 1), line);
        }
    }

    private void option(int line, List<String> w) {
        if (service == null) {
            diagnostics.error(file, line, "[" + w.get(0) + "] outside a service", "options go under: service NAME");
            return;
        }
        if (w.size() < 2) {
            diagnostics.error(file, line, "option [" + w.get(0) + "] has no value");
            return;
        }
        put(w.get(0), String.join(" ", w.subList(1, w.size())), line);
    }

    private void put(String key, String value, int line) {
        if (service.options.containsKey(key)) {
            diagnostics.warning(file, line, "option [" + key + "] is set again: this value replaces line " + service.lines.get(key));
        }
        service.options.put(key, value);
        service.lines.put(key, line);
    }

    private void finishService() {
        Service s = service;
        service = null;
        if (s == null) {
            return;
        }
        if (s.type == null) {
            diagnostics.error(file, s.line, "service [" + s.name + "] has no monitor line",
                    "add: monitor TYPE (one of " + String.join(", ", registry.types()) + ")");
            return;
        }
        Map<String, String> checkOptions = new LinkedHashMap<>();
        Map<String, String> policyOptions = new LinkedHashMap<>();
        s.options.forEach((k, v) -> (POLICY_OPTIONS.contains(k) ? policyOptions : checkOptions).put(k, v));
        policyOptions.put("group", s.group);
        CheckRegistry.BuildResult built = registry.build(s.name, s.type, checkOptions);
        report(s, built.errors());
        CheckOptions policy = new CheckOptions(s.name, policyOptions);
        Optional<Schedule> schedule = Schedule.fromOptions(policy);
        Optional<AlertPolicy> alerts = AlertPolicy.fromOptions(policy);
        Optional<EscalationPolicy> escalation = EscalationPolicy.fromOptions(policy);
        report(s, policy.errors());
        if (built.ok() && schedule.isPresent() && alerts.isPresent() && escalation.isPresent()) {
            checks.add(new CheckDefinition(s.name, s.group, s.type, built.check(), schedule.get(), alerts.get(),
                    escalation.get(), s.options, s.line));
        }
    }

    private void report(Service s, List<String> errors) {
        for (String error : errors) {
            Matcher m = OPTION_IN_ERROR.matcher(error);
            int line = m.find() ? s.lines.getOrDefault(m.group(1), s.lines.getOrDefault("monitor", s.line))
                    : s.lines.getOrDefault("monitor", s.line);
            String hint = error.startsWith("unknown check type")
                    ? Suggestions.closest(s.type, registry.types(), 2).map(t -> "did you mean " + t + "?").orElse(null) : null;
            diagnostics.error(file, line, "service [" + s.name + "]: " + error, hint);
        }
    }

    /** Words separated by blanks; double quotes keep blanks inside a value ({@code send="GET /"}). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(word.toString());
        }
        return out;
    }
}
