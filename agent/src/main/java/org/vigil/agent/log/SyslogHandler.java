package org.vigil.agent.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Sends records to syslog under {@code logfacility}. The syslog socket /dev/log is a datagram
 * socket, which Java cannot open; so one long-lived {@code logger --prio-prefix} process carries
 * every line, each prefixed with its own priority. If logger is missing or dies, records are
 * dropped and reported once on stderr; file logging is unaffected.
 */
public final class SyslogHandler extends Handler {

    private static final Map<String, Integer> FACILITIES = Map.ofEntries(Map.entry("kern", 0), Map.entry("user", 1),
            Map.entry("mail", 2), Map.entry("daemon", 3), Map.entry("auth", 4), Map.entry("syslog", 5),
            Map.entry("lpr", 6), Map.entry("news", 7), Map.entry("uucp", 8), Map.entry("cron", 9),
            Map.entry("authpriv", 10), Map.entry("ftp", 11), Map.entry("local0", 16), Map.entry("local1", 17),
            Map.entry("local2", 18), Map.entry("local3", 19), Map.entry("local4", 20), Map.entry("local5", 21),
            Map.entry("local6", 22), Map.entry("local7", 23));

    private final int facility;
    private final HeartbeatFormatter formatter;
    private Process logger;
    private OutputStream stdin;
    private boolean failed;

    public SyslogHandler(String facility, HeartbeatFormatter formatter) {
        this.facility = FACILITIES.getOrDefault(facility, 3);
        this.formatter = formatter;
        setLevel(Level.INFO);
    }

    static int severity(Level level) {
        return switch (HeartbeatFormatter.level(level)) {
            case "CRIT" -> 2;
            case "ERROR" -> 3;
            case "WARN" -> 4;
            case "info" -> 6;
            default -> 7;
        };
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || failed) {
            return;
        }
        try {
            ensureStarted();
            String line = "<" + (facility * 8 + severity(record.getLevel())) + ">" + formatter.formatForSyslog(record)
                    .replace('\n', ' ') + "\n";
            stdin.write(line.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            failed = true;
            System.err.println("vigil: syslog logging stopped: " + e.getMessage());
        }
    }

    private void ensureStarted() throws IOException {
        if (logger != null && logger.isAlive()) {
            return;
        }
        logger = new ProcessBuilder(List.of("logger", "--prio-prefix", "-t", "vigil"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        stdin = logger.getOutputStream();
    }

    @Override
    public synchronized void flush() {
        try {
            if (stdin != null) {
                stdin.flush();
            }
        } catch (IOException e) {
            failed = true;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (stdin != null) {
                stdin.close();
            }
        } catch (IOException e) {
            // logger is going away anyway
        }
        if (logger != null) {
            logger.destroy();
        }
    }
}
