package org.vigil.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads ha.cf with the syntax and meaning Heartbeat 3.0.6 gives it. Order matters as in
 * Heartbeat: {@code udpport} and {@code baud} apply to media declared after them. Never throws
 * for bad input: every problem becomes a {@link Diagnostic}.
 */
public final class HaCfParser {

    static final int DEFAULT_UDP_PORT = 694;
    static final int DEFAULT_BAUD = 19200;
    static final int MAX_NODES = 100;
    private static final Set<String> MULTI_VALUED = Set.of("node", "bcast", "serial", "ping", "hbaping", "env");
    private static final Set<Integer> BAUD_RATES = Set.of(9600, 19200, 38400, 57600, 115200, 230400, 460800);
    private static final Set<String> FACILITIES = Set.of("auth", "authpriv", "cron", "daemon", "ftp", "kern",
            "lpr", "mail", "news", "syslog", "user", "uucp", "local0", "local1", "local2", "local3", "local4",
            "local5", "local6", "local7", "none");

    private final String file;
    private final Diagnostics diagnostics;
    private final HostEnvironment host;
    private final MediaParser media;

    private final List<String> nodes = new ArrayList<>();
    private final Map<String, Long> times = new HashMap<>();
    private final List<PingNode> pingNodes = new ArrayList<>();
    private final List<String> stonithHosts = new ArrayList<>();
    private final List<String> respawn = new ArrayList<>();
    private final Map<String, String> raw = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private AutoFailback autoFailback;
    private int niceFailbackLine;
    private String stonith;
    private String logfile = "";
    private String debugfile = "";
    private String facility = "";
    private boolean syslogFormat = true;
    private Boolean useLogd;
    private String clusterName = "linux-ha";
    private String msgfmt = "classic";
    private int hopfudge = 1;
    private long maxRexmitDelayMs = 250;

    private HaCfParser(String file, Diagnostics diagnostics, HostEnvironment host) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.host = host;
        this.media = new MediaParser(file, diagnostics, host);
    }

    /** Parses the text of ha.cf; {@code file} is the name used in diagnostics. */
    public static HaCf parse(String file, String content, Diagnostics diagnostics, HostEnvironment host) {
        HaCfParser parser = new HaCfParser(file, diagnostics, host);
        for (ConfigText.Line line : ConfigText.lines(content, false)) {
            parser.directive(line);
        }
        return parser.finish();
    }

    private void directive(ConfigText.Line line) {
        String text = line.text();
        String[] split = text.split("\\s+", 2);
        String name = split[0];
        String rest = split.length > 1 ? split[1].strip() : "";
        Optional<Directive> known = Directives.find(name);
        if (known.isEmpty()) {
            unknownDirective(name, line.number());
            return;
        }
        Directive directive = known.get();
        if (rest.isEmpty()) {
            diagnostics.error(file, line.number(), "directive [" + name + "] has no value",
                    "write it as: " + directive.syntax());
            return;
        }
        if (lines.containsKey(name) && !MULTI_VALUED.contains(name) && directive.kind() != Directive.Kind.MEDIA
                && directive.kind() != Directive.Kind.WHOLE_LINE) {
            diagnostics.warning(file, line.number(), name + " is set again: this value replaces ["
                    + raw.get(name) + "] from line " + lines.get(name));
        }
        raw.put(name, rest);
        lines.put(name, line.number());
        explainSupport(directive, line.number());
        switch (directive.kind()) {
            case OPTION_LIST -> optionList(directive, rest, line.number());
            case WHOLE_LINE -> wholeLine(name, rest, line.number());
            case MEDIA -> media(name, ConfigText.words(rest), line.number());
        }
    }

    private void unknownDirective(String name, int line) {
        Optional<String> near = Suggestions.closest(name, Directives.names(), Suggestions.toleranceFor(name));
        diagnostics.error(file, line, "unknown directive [" + name + "] (Heartbeat: Illegal directive)",
                near.map(n -> "did you mean " + n + "?").orElse("see docs/config-reference.md for the directives"));
    }

    private void explainSupport(Directive directive, int line) {
        if (directive.support() == Directive.Support.ACCEPTED && !directive.name().equals("respawn")) {
            diagnostics.warning(file, line, "Vigil accepts [" + directive.name() + "] but does not act on it yet");
        }
    }

    private void optionList(Directive directive, String rest, int line) {
        String[] values = rest.split("[\\s,]+");
        if (values.length > 1 && !MULTI_VALUED.contains(directive.name())) {
            diagnostics.warning(file, line, directive.name() + " takes one value but has " + values.length
                    + " [" + rest + "]: each is applied in turn, so [" + values[values.length - 1] + "] wins",
                    "write it as: " + directive.syntax());
        }
        for (String value : values) {
            if (!value.isEmpty()) {
                option(directive.name(), value, line);
            }
        }
    }

    private void option(String name, String value, int line) {
        switch (name) {
            case "node" -> node(value, line);
            case "keepalive", "deadtime", "warntime", "initdead", "deadping" -> time(name, value, line);
            case "udpport" -> media.udpPort(intIn(name, value, line, 1, 65535, media.udpPort()), line);
            case "baud" -> baud(value, line);
            case "bcast" -> media.bcast(value, line);
            case "serial" -> media.serial(value, line);
            case "ping" -> ping(value, line);
            case "hbaping" -> { }
            case "auto_failback" -> autoFailback(value, line);
            case "nice_failback" -> niceFailback(value, line);
            case "cluster" -> clusterName = value;
            case "logfile" -> logfile = value;
            case "debugfile" -> debugfile = value;
            case "logfacility" -> facility(value, line);
            case "syslogmsgfmt" -> syslogFormat = bool(name, value, line, syslogFormat);
            case "use_logd" -> useLogd = bool(name, value, line, false);
            case "log_badpack", "realtime", "coredumps", "traditional_compression", "use_apphbd",
                    "record_config_changes", "record_pengine_inputs", "enable_config_writes", "normalpoll" ->
                    bool(name, value, line, true);
            case "hopfudge" -> hopfudge = intIn(name, value, line, 0, 255, hopfudge);
            case "debug" -> intIn(name, value, line, 0, 255, 0);
            case "rtprio" -> intIn(name, value, line, 1, 99, 1);
            case "memreserve", "compression_threshold", "conn_logd_time" -> intIn(name, value, line, 1, 1 << 20, 1);
            case "max_rexmit_delay" -> maxRexmitDelayMs = intIn(name, value, line, 1, 60_000, 250);
            case "msgfmt" -> msgfmt = oneOf(name, value, line, List.of("classic", "netstring"), msgfmt);
            case "uuidfrom" -> oneOf(name, value, line, List.of("file", "nodename"), "file");
            case "hbgenmethod" -> oneOf(name, value, line, List.of("file", "time"), "file");
            case "compression" -> oneOf(name, value, line, List.of("zlib", "bz2"), "zlib");
            case "autojoin" -> autojoin(value, line);
            case "crm", "pacemaker" -> crm(name, value, line);
            case "env" -> env(value, line);
            default -> { }
        }
    }

    private void node(String value, int line) {
        String name = value.toLowerCase(Locale.ROOT);
        if (nodes.contains(name)) {
            diagnostics.warning(file, line, "node [" + value + "] is listed twice (node names compare without case)");
            return;
        }
        if (nodes.size() == MAX_NODES) {
            diagnostics.error(file, line, "node [" + value + "] is one too many: at most " + MAX_NODES + " nodes");
            return;
        }
        nodes.add(name);
    }

    private void time(String name, String value, int line) {
        OptionalLong millis = HeartbeatTime.parseMillis(value);
        if (millis.isEmpty()) {
            diagnostics.error(file, line, name + " [" + value + "] is not a time", HeartbeatTime.suggestionFor(value));
            return;
        }
        if (millis.getAsLong() <= 0) {
            diagnostics.error(file, line, name + " [" + value + "] must be more than zero");
            return;
        }
        times.put(name, millis.getAsLong());
    }

    private void baud(String value, int line) {
        int rate = intIn("baud", value, line, 1, Integer.MAX_VALUE, DEFAULT_BAUD);
        if (!BAUD_RATES.contains(rate)) {
            diagnostics.error(file, line, "baud [" + value + "] is not a supported rate",
                    "use one of 9600, 19200, 38400, 57600, 115200, 230400, 460800");
            return;
        }
        media.baud(rate, line);
    }

    private void ping(String value, int line) {
        if (!Addresses.isHostOrAddress(value)) {
            diagnostics.error(file, line, "ping [" + value + "] is not an address or host name");
            return;
        }
        pingNodes.add(new PingNode(value, List.of(value), false, line));
    }

    private void autoFailback(String value, int line) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("legacy")) {
            autoFailback = AutoFailback.LEGACY;
            diagnostics.warning(file, line, "auto_failback [legacy] is deprecated: groups fail back by ip-request and "
                    + "standby is refused", "use auto_failback on (or off)");
            return;
        }
        Optional<Boolean> b = Booleans.parse(v);
        if (b.isEmpty()) {
            diagnostics.error(file, line, "auto_failback [" + value + "] is not on, off or legacy",
                    Suggestions.closest(value, List.of("on", "off", "legacy"), 2)
                            .map(s -> "did you mean " + s + "?").orElse("write auto_failback on|off|legacy"));
            return;
        }
        autoFailback = b.get() ? AutoFailback.ON : AutoFailback.OFF;
    }

    private void niceFailback(String value, int line) {
        niceFailbackLine = line;
        diagnostics.warning(file, line, "nice_failback [" + value + "] is obsolete: Heartbeat 3.0.6 reads any value as "
                + "'auto_failback legacy' (a bug ignores [" + value + "])",
                "replace it with auto_failback on (nice_failback on meant: do not fail back at once) or auto_failback off");
    }

    private void facility(String value, int line) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!FACILITIES.contains(v)) {
            diagnostics.error(file, line, "logfacility [" + value + "] is not a syslog facility",
                    Suggestions.closest(v, FACILITIES, 2).map(s -> "did you mean " + s + "?")
                            .orElse("use daemon, local0..local7 or none"));
            return;
        }
        facility = v;
    }

    private void autojoin(String value, int line) {
        String v = oneOf("autojoin", value, line, List.of("none", "other", "any"), "none");
        if (!v.equals("none")) {
            diagnostics.error(file, line, "autojoin [" + value + "] conflicts with haresources resource management "
                    + "(Heartbeat: R1 style resource management conflicts with autojoin set)", "remove the line");
        }
    }

    private void crm(String name, String value, int line) {
        String v = value.toLowerCase(Locale.ROOT);
        if (Booleans.parse(v).filter(b -> !b).isPresent()) {
            return;
        }
        if (List.of("on", "respawn", "minimal", "manual", "valgrind", "yes", "true", "1", "y").contains(v)) {
            diagnostics.error(file, line, name + " [" + value + "] hands resources to Pacemaker; Vigil manages "
                    + "haresources groups itself", "write " + name + " off, or remove the line");
            return;
        }
        diagnostics.error(file, line, name + " [" + value + "] is not a valid value", "write " + name + " off");
    }

    private void env(String value, int line) {
        if (!value.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            diagnostics.error(file, line, "env [" + value + "] is not NAME=VALUE");
        }
    }

    private void wholeLine(String name, String rest, int line) {
        switch (name) {
            case "stonith" -> {
                if (ConfigText.words(rest).length < 2) {
                    diagnostics.error(file, line, "stonith [" + rest + "] needs a device type and a config file",
                            "write it as: stonith TYPE /path/to/config");
                }
                stonith = rest;
            }
            case "stonith_host" -> {
                if (ConfigText.words(rest).length < 2) {
                    diagnostics.error(file, line, "stonith_host [" + rest + "] needs a host (or *) and a device type",
                            "write it as: stonith_host HOST|* TYPE PARAMS...");
                }
                stonithHosts.add(rest);
            }
            case "respawn", "failfast" -> respawn(name, rest, line);
            default -> { }
        }
    }

    private void respawn(String name, String rest, int line) {
        String[] words = ConfigText.words(rest);
        if (words.length < 2 || !words[1].startsWith("/")) {
            diagnostics.error(file, line, name + " [" + rest + "]: the program must be a full path name",
                    "write it as: " + name + " USER /absolute/path [ARGS]");
            return;
        }
        if (name.equals("respawn") && words[1].endsWith("/ipfail")) {
            diagnostics.note(file, line, "ipfail's policy is built into Vigil; it uses the ping nodes directly",
                    "this line is not needed (it is ignored)");
            return;
        }
        if (name.equals("respawn")) {
            diagnostics.warning(file, line, "Vigil accepts [respawn] but does not run [" + words[1] + "] yet");
        }
        respawn.add(rest);
    }

    private void media(String name, String[] words, int line) {
        switch (name) {
            case "mcast", "mcast6" -> media.mcast(name, words, line);
            case "ucast", "ucast6" -> media.ucast(name, words, line);
            case "ping_group" -> pingGroup(words, line);
            default -> { }
        }
    }

    private void pingGroup(String[] words, int line) {
        if (words.length < 2) {
            diagnostics.error(file, line, "ping_group needs a name and at least one address",
                    "write it as: ping_group NAME ADDRESS...");
            return;
        }
        List<String> addresses = List.of(words).subList(1, words.length);
        for (String address : addresses) {
            if (!Addresses.isHostOrAddress(address)) {
                diagnostics.error(file, line, "ping_group [" + words[0] + "]: [" + address + "] is not an address or host name");
                return;
            }
        }
        pingNodes.add(new PingNode(words[0], addresses, true, line));
    }

    private boolean bool(String name, String value, int line, boolean fallback) {
        Optional<Boolean> b = Booleans.parse(value);
        if (b.isEmpty()) {
            diagnostics.error(file, line, name + " [" + value + "] is not a boolean",
                    "use on/off, yes/no, true/false, y/n or 1/0");
            return fallback;
        }
        return b.get();
    }

    private int intIn(String name, String value, int line, int min, int max, int fallback) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        diagnostics.error(file, line, name + " [" + value + "] must be a whole number from " + min + " to " + max);
        return fallback;
    }

    private String oneOf(String name, String value, int line, List<String> allowed, String fallback) {
        String v = value.toLowerCase(Locale.ROOT);
        if (allowed.contains(v)) {
            return v;
        }
        diagnostics.error(file, line, name + " [" + value + "] must be one of " + String.join(", ", allowed),
                Suggestions.closest(v, allowed, 2).map(s -> "did you mean " + s + "?").orElse(null));
        return fallback;
    }

    private HaCf finish() {
        if (nodes.isEmpty()) {
            diagnostics.error(file, 0, "no nodes defined", "add a line: node NAME (one per node, as uname -n prints it)");
        }
        media.finish();
        Timing timing = new TimingRules(file, diagnostics, times, lines).apply();
        checkLogging();
        AutoFailback failback = autoFailback;
        if (failback == null) {
            failback = AutoFailback.LEGACY;
            if (niceFailbackLine == 0) {
                diagnostics.warning(file, 0, "auto_failback is not set: Heartbeat's default is the deprecated [legacy]",
                        "add auto_failback on (groups return to their node) or auto_failback off");
            }
        }
        return new HaCf(file, clusterName, nodes, media.media(), media.udpPort(), media.baud(), timing, failback,
                autoFailback != null, pingNodes, new Logging(logfile, debugfile, facility, syslogFormat),
                Optional.ofNullable(stonith), stonithHosts, respawn, msgfmt, hopfudge, maxRexmitDelayMs, raw, lines);
    }

    private void checkLogging() {
        boolean anyDestination = new Logging(logfile, debugfile, facility, syslogFormat).anyDestination();
        if (!anyDestination && Boolean.FALSE.equals(useLogd)) {
            diagnostics.error(file, lines.getOrDefault("use_logd", 0),
                    "no log entry found in ha.cf and use_logd is set to off: nothing would be logged",
                    "add logfile /var/log/ha-log or logfacility daemon");
        } else if (!anyDestination) {
            diagnostics.note(file, 0, "no logfile, debugfile or logfacility: Vigil logs to syslog (facility daemon) "
                    + "where Heartbeat would use its logging daemon");
        }
    }
}
