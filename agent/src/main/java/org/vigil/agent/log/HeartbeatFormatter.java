package org.vigil.agent.log;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Log lines as Heartbeat writes them, so that the lines people grep for keep working:
 * {@code Nov 23 08:21:28 nodea vigil: [19993]: WARN: node nodeb: is dead} with syslogmsgfmt on,
 * {@code vigil[19993]: 2026/11/23_08:21:28 WARN: ...} with it off. Levels are
 * {@code debug info WARN ERROR CRIT}.
 */
public final class HeartbeatFormatter extends Formatter {

    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy/MM/dd_HH:mm:ss", Locale.ENGLISH);

    private final String node;
    private final boolean syslogFormat;
    private final Clock clock;
    private final long pid = ProcessHandle.current().pid();

    public HeartbeatFormatter(String node, boolean syslogFormat, Clock clock) {
        this.node = node;
        this.syslogFormat = syslogFormat;
        this.clock = clock;
    }

    @Override
    public String format(LogRecord record) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        String text = formatMessage(record) + thrown(record);
        if (syslogFormat) {
            return SYSLOG.format(now) + " " + node + " vigil: [" + pid + "]: " + level(record.getLevel()) + ": " + text + "\n";
        }
        return "vigil[" + pid + "]: " + PLAIN.format(now) + " " + level(record.getLevel()) + ": " + text + "\n";
    }

    /** The message alone with its level, as sent to syslog (which adds time and host itself). */
    public String formatForSyslog(LogRecord record) {
        return "[" + pid + "]: " + level(record.getLevel()) + ": " + formatMessage(record) + thrown(record);
    }

    static String level(Level level) {
        int v = level.intValue();
        if (v >= Crit.CRIT.intValue()) {
            return "CRIT";
        }
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return v >= Level.INFO.intValue() ? "info" : "debug";
    }

    private static String thrown(LogRecord record) {
        Throwable t = record.getThrown();
        return t == null ? "" : " (" + t + ")";
    }
}
