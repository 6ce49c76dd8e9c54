package org.vigil.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatFormatterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:21:28Z"), ZoneOffset.UTC);
    private static final long PID = ProcessHandle.current().pid();

    @Test
    void format_syslogStyle_matchesHeartbeatsLines() {
        HeartbeatFormatter f = new HeartbeatFormatter("nodea", true, CLOCK);
        assertEquals("Nov 23 08:21:28 nodea vigil: [" + PID + "]: WARN: node nodeb: is dead\n",
                f.format(new LogRecord(Level.WARNING, "node nodeb: is dead")));
        assertEquals("Nov 23 08:21:28 nodea vigil: [" + PID + "]: info: Link nodeb:eth0 dead.\n",
                f.format(new LogRecord(Level.INFO, "Link nodeb:eth0 dead.")));
        assertTrue(f.format(new LogRecord(Crit.CRIT, "x")).contains("]: CRIT: x"));
        assertTrue(f.format(new LogRecord(Level.SEVERE, "x")).contains("]: ERROR: x"));
        assertTrue(f.format(new LogRecord(Level.FINE, "x")).contains("]: debug: x"));
    }

    @Test
    void format_plainStyle() {
        HeartbeatFormatter f = new HeartbeatFormatter("nodea", false, CLOCK);
        assertEquals("vigil[" + PID + "]: 2026/11/23_08:21:28 info: hello\n", f.format(new LogRecord(Level.INFO, "hello")));
    }

    @Test
    void syslogPriority_combinesFacilityAndSeverity() {
        assertEquals(4, SyslogHandler.severity(Level.WARNING));
        assertEquals(2, SyslogHandler.severity(Crit.CRIT));
        assertEquals(6, SyslogHandler.severity(Level.INFO));
    }

    @Test
    void lineFileHandler_appendsAndFiltersByLevel(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("sub/ha-log");
        LineFileHandler h = new LineFileHandler(log, Level.INFO, new HeartbeatFormatter("a", true, CLOCK));
        h.publish(new LogRecord(Level.INFO, "one"));
        h.publish(new LogRecord(Level.FINE, "hidden"));
        h.close();
        LineFileHandler again = new LineFileHandler(log, Level.INFO, new HeartbeatFormatter("a", true, CLOCK));
        again.publish(new LogRecord(Level.WARNING, "two"));
        again.close();
        var lines = Files.readAllLines(log);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("info: one"));
        assertTrue(lines.get(1).endsWith("WARN: two"));
    }
}
