package org.vigil.agent.config;

import java.time.Duration;
import java.util.Map;

/**
 * Heartbeat's derived defaults and its checks on keepalive, deadtime, warntime, initdead and
 * deadping (heartbeat/config.c {@code init_config}), each error placed on the line to change and
 * with the fix.
 */
final class TimingRules {

    private static final long DEFAULT_KEEPALIVE = 1_000;
    private static final long DEFAULT_DEADTIME = 30_000;
    private static final long INITDEAD_ADVISED_MIN = 10_000;

    private final String file;
    private final Diagnostics diagnostics;
    private final Map<String, Long> times;
    private final Map<String, Integer> lines;

    TimingRules(String file, Diagnostics diagnostics, Map<String, Long> times, Map<String, Integer> lines) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.times = times;
        this.lines = lines;
    }

    Timing apply() {
        long keepalive = times.getOrDefault("keepalive", DEFAULT_KEEPALIVE);
        long deadtime = times.getOrDefault("deadtime", DEFAULT_DEADTIME);
        long warntime = times.getOrDefault("warntime", deadtime / 2);
        long initdead = times.getOrDefault("initdead", Timing.defaultInitdead(deadtime));
        long deadping = times.getOrDefault("deadping", deadtime);
        checkDeadtime(keepalive, deadtime);
        checkWarntime(warntime, deadtime);
        checkInitdead(initdead, deadtime);
        checkDeadping(deadping, keepalive);
        return new Timing(Duration.ofMillis(keepalive), Duration.ofMillis(deadtime), Duration.ofMillis(warntime),
                Duration.ofMillis(initdead), Duration.ofMillis(deadping));
    }

    private void checkDeadtime(long keepalive, long deadtime) {
        if (deadtime > 2 * keepalive) {
            return;
        }
        int line = lineOf("deadtime", "keepalive");
        diagnostics.error(file, line, "deadtime [" + deadtime + " ms] must be more than twice keepalive [" + keepalive
                + " ms]; Heartbeat 3.0.6 refuses to start (Dead time [" + deadtime + "] is too small compared to keeplive ["
                + keepalive + "])", "raise deadtime (e.g. deadtime " + HeartbeatTime.format(3 * keepalive)
                + ") or lower keepalive (e.g. keepalive " + HeartbeatTime.format(Math.max(1, deadtime / 4)) + ")");
        int keepaliveLine = lines.getOrDefault("keepalive", 0);
        if (keepaliveLine != 0 && keepaliveLine != line) {
            diagnostics.note(file, keepaliveLine, "keepalive [" + keepalive + " ms] is set here");
        }
    }

    private void checkWarntime(long warntime, long deadtime) {
        if (times.containsKey("warntime") && warntime >= deadtime) {
            diagnostics.warning(file, lines.get("warntime"), "warntime [" + warntime + " ms] is not below deadtime ["
                    + deadtime + " ms]: no Late heartbeat warning can come before a node is declared dead",
                    "use a warntime below deadtime (e.g. warntime " + HeartbeatTime.format(deadtime / 2) + ")");
        }
    }

    private void checkInitdead(long initdead, long deadtime) {
        int line = lineOf("initdead", "deadtime");
        if (initdead < deadtime) {
            diagnostics.error(file, line, "initdead [" + initdead + " ms] is smaller than deadtime [" + deadtime + " ms]",
                    "use initdead " + HeartbeatTime.format(Math.max(deadtime, 2 * deadtime))
                            + " or more: initdead covers a slow network start");
        } else if (initdead < INITDEAD_ADVISED_MIN) {
            diagnostics.warning(file, line, "initdead [" + initdead + " ms] may be too small: it covers slow network "
                    + "start-up (switch ports, spanning tree)", "use initdead 10 or more (it should be >= deadtime and >= 10 s)");
        }
    }

    private void checkDeadping(long deadping, long keepalive) {
        if (times.containsKey("deadping") && deadping <= 2 * keepalive) {
            diagnostics.error(file, lines.get("deadping"), "deadping [" + deadping + " ms] must be more than twice keepalive ["
                    + keepalive + " ms]", "use deadping " + HeartbeatTime.format(3 * keepalive) + " or more");
        }
    }

    /** The line of the first directive that is written, or 0. */
    private int lineOf(String preferred, String fallback) {
        return lines.getOrDefault(preferred, lines.getOrDefault(fallback, 0));
    }
}
