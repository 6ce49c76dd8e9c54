package org.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinChecks;

/** Bad user input gives messages, never exceptions. */
class CheckRegistryTest {

    private final CheckRegistry registry = BuiltinChecks.registry();

    @Test
    void knowsTheBuiltins() {
        assertEquals(java.util.Set.of("http", "https", "tcp", "smtp", "mysql", "script", "ping"), registry.types());
    }

    @Test
    void unknownType() {
        var r = registry.build("x", "gopher", Map.of());
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).contains("unknown check type 'gopher'"), r.errors().toString());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var r = registry.build("web", "http", Map.of("url", "ftp://x", "timeout", "soon",
                "status", "abc", "regex", "(", "verify_tls", "maybe", "colour", "red"));
        assertFalse(r.ok());
        List<String> e = r.errors();
        assertEquals(6, e.size(), e.toString());
        assertTrue(e.stream().anyMatch(s -> s.contains("'timeout'")));
        assertTrue(e.stream().anyMatch(s -> s.contains("unknown option 'colour'")));
    }

    @Test
    void missingRequiredOptions() {
        var r = registry.build("db", "tcp", Map.of());
        assertEquals(List.of("option 'host' is required", "option 'port' is required"), r.errors());
    }

    @Test
    void httpsNeedsAnHttpsUrl() {
        assertFalse(registry.build("s", "https", Map.of("url", "http://example.org/")).ok());
    }

    @Test
    void restrictedHeaderIsAConfigError() {
        var r = registry.build("h", "http", Map.of("url", "http://127.0.0.1/", "header.Connection", "close"));
        assertFalse(r.ok(), r.errors().toString());
    }

    @Test
    void timeoutAndTypeAreKept() {
        var r = registry.build("web", "HTTP", Map.of("url", "http://127.0.0.1/", "timeout", "1.5s"));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(Duration.ofMillis(1500), r.check().timeout());
        assertEquals("http", r.check().type());
    }

    @Test
    void mysqlPasswordNeverShows() {
        var r = registry.build("db", "mysql", Map.of("user", "monitor", "password", "s3cret!"));
        assertTrue(r.ok(), r.errors().toString());
        assertFalse(r.check().toString().contains("s3cret"));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30").orElseThrow());
        assertEquals(Duration.ofSeconds(90), Durations.parse("1.5m").orElseThrow());
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms").orElseThrow());
        assertEquals(Duration.ofDays(1), Durations.parse("1d").orElseThrow());
        assertTrue(Durations.parse("-1s").isEmpty());
        assertTrue(Durations.parse("5 minutes").isEmpty());
        assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
    }
}
