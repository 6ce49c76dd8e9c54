package org.vigil.agent.membership;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.vigil.agent.membership.LogLine.Severity;
import org.vigil.agent.membership.MembershipEvent.Cause;

/**
 * Turns membership events into the exact lines Heartbeat 3.0.6 logs (texts from heartbeat.md
 * §3-§5, LAB captures), so that operators' greps and monitoring keep working. This is the only
 * class in membership that knows about logging; it uses java.util.logging so the agent needs no
 * extra dependency, and it can write to any other sink (tests, a Heartbeat-format file).
 */
public final class MembershipLog implements MembershipListener {

    /** Logger name used when writing to java.util.logging. */
    public static final String LOGGER_NAME = "org.vigil.agent.membership";

    private final Consumer<LogLine> sink;

    /** Writes to java.util.logging under {@link #LOGGER_NAME}. */
    public MembershipLog() {
        this(julSink(Logger.getLogger(LOGGER_NAME)));
    }

    public MembershipLog(Consumer<LogLine> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onEvent(MembershipEvent event) {
        render(event).forEach(sink);
    }

    /** The Heartbeat lines for one event, in order; empty for events Heartbeat does not log. */
    public static List<LogLine> render(MembershipEvent event) {
        if (event instanceof MembershipEvent.LocalStatusChanged e) {
            return info("Local status now set to: '" + e.to().wireName() + "'");
        } else if (event instanceof MembershipEvent.CommUp) {
            return info("Comm_now_up(): updating status to active");
        } else if (event instanceof MembershipEvent.NodeStatusChanged e) {
            return nodeStatus(e);
        } else if (event instanceof MembershipEvent.LinkStatusChanged e) {
            String word = e.status() == LinkStatus.UP ? "up" : "dead";
            return info("Link " + e.node() + ":" + e.link() + " " + word + ".");
        } else if (event instanceof MembershipEvent.LateHeartbeat e) {
            return late(e);
        } else if (event instanceof MembershipEvent.NodeRestarted e) {
            return info("Heartbeat restart on node " + e.node());
        } else if (event instanceof MembershipEvent.PartitionHealed e) {
            return partitionHealed(e.node());
        } else if (event instanceof MembershipEvent.ReplayRejected e) {
            return one(Severity.ERROR, "should_drop_message: attempted replay attack [" + e.node()
                    + "]? [gen = " + e.generation() + ", curgen = " + e.currentGeneration() + "]");
        } else if (event instanceof MembershipEvent.PacketsLost e) {
            return lost(e);
        } else if (event instanceof MembershipEvent.MissingPacketsRecovered e) {
            return info("No pkts missing from " + e.node() + "!");
        } else if (event instanceof MembershipEvent.ShutdownNotice e) {
            return info("Received shutdown notice from '" + e.node() + "'.");
        } else if (event instanceof MembershipEvent.UnknownSender e) {
            return one(Severity.ERROR, "process_status_message: bad node [" + e.node() + "] in message");
        }
        return List.of(); // RetransmitRequested: Heartbeat logs nothing at the default debug level
    }

    private static List<LogLine> nodeStatus(MembershipEvent.NodeStatusChanged e) {
        boolean silentDeath = e.to() == NodeStatus.DEAD
                && (e.cause() == Cause.TIMEOUT || e.cause() == Cause.LATE_HEARTBEAT);
        if (silentDeath) {
            return one(Severity.WARN, "node " + e.node() + ": is dead");
        }
        return info("Status update for node " + e.node() + ": status " + e.to().wireName());
    }

    private static List<LogLine> late(MembershipEvent.LateHeartbeat e) {
        String text = "Late heartbeat: Node " + e.node() + ": interval " + e.intervalMs() + " ms";
        return e.beyondDeadtime() ? one(Severity.CRIT, text + " (> deadtime)") : one(Severity.WARN, text);
    }

    private static List<LogLine> lost(MembershipEvent.PacketsLost e) {
        long count = e.seq() - e.lastSeq() - 1;
        LogLine line = new LogLine(Severity.WARN, count + " lost packet(s) for [" + e.node() + "] ["
                + e.lastSeq() + ":" + e.seq() + "]");
        return e.reset() ? List.of(line, new LogLine(Severity.WARN, "lost a lot of packets!")) : List.of(line);
    }

    private static List<LogLine> partitionHealed(String node) {
        return List.of(
                new LogLine(Severity.CRIT, "Cluster node " + node + " returning after partition."),
                new LogLine(Severity.INFO, "For information on cluster partitions, See URL: "
                        + "http://linux-ha.org/wiki/Split_Brain"),
                new LogLine(Severity.WARN, "Deadtime value may be too small."),
                new LogLine(Severity.INFO, "See FAQ for information on tuning deadtime."),
                new LogLine(Severity.INFO, "URL: http://linux-ha.org/wiki/FAQ#Heavy_Load"));
    }

    private static List<LogLine> info(String text) {
        return one(Severity.INFO, text);
    }

    private static List<LogLine> one(Severity s, String text) {
        return List.of(new LogLine(s, text));
    }

    /** Logs one Heartbeat-style line through java.util.logging (CRIT above SEVERE). */
    public static void log(String loggerName, LogLine line) {
        julSink(Logger.getLogger(loggerName)).accept(line);
    }

    private static Consumer<LogLine> julSink(Logger logger) {
        return line -> {
            Level level = switch (line.severity()) {
                case DEBUG -> Level.FINE;
                case INFO -> Level.INFO;
                case WARN -> Level.WARNING;
                case ERROR -> Level.SEVERE;
                case CRIT -> org.vigil.agent.log.Crit.CRIT;
            };
            if (logger.isLoggable(level)) {
                // The Heartbeat severity word rides along so a Heartbeat-style formatter can tell
                // CRIT from ERROR, which java.util.logging cannot.
                LogRecord r = new LogRecord(level, line.text());
                r.setLoggerName(logger.getName());
                r.setParameters(new Object[] {line.severity().word()});
                logger.log(r);
            }
        };
    }
}
