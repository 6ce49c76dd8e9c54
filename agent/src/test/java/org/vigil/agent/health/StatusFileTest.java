package org.vigil.agent.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.health.Fixture.T0;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status file the agent writes for {@code vigil checks}. */
class StatusFileTest {

    private static final String CHECKS = "watch 10.0.0.10\n"
            + "  service web\n    monitor http url=http://127.0.0.1:1/\n    interval 10s\n"
            + "    on_fail move\n    resource apache2\n    max_restarts 1\n    failure_timeout 5m\n"
            + "watch 10.0.0.20\n"
            + "  service db\n    monitor mysql user=monitor password=s3cret-pw\n    interval 30s\n";

    @TempDir
    Path dir;

    @Test
    void holdsEveryCheck_isValidJson_andNeverAPassword() throws IOException {
        try (Fixture f = new Fixture(CHECKS, dir).start()) {
            JsonNode start = new ObjectMapper().readTree(Files.readString(f.statusFile));
            assertEquals("PENDING", start.get("checks").get(0).get("status").asText(), "written at start");

            f.fail("web");
            f.scheduler.advance(Duration.ofSeconds(15)); // web fails at 0 (restart) and 10 (move); db passes at 0
            JsonNode root = new ObjectMapper().readTree(Files.readString(f.statusFile));
            assertEquals(ProcessHandle.current().pid(), root.get("pid").asLong());
            assertEquals(1, root.get("format").asInt());
            JsonNode web = root.get("checks").get(0);
            assertEquals("web", web.get("name").asText());
            assertEquals("10.0.0.10", web.get("group").asText());
            assertEquals("http", web.get("type").asText());
            assertEquals("FAILED", web.get("status").asText());
            assertEquals("DOWN", web.get("state").asText());
            assertEquals("connection refused", web.get("summary").asText());
            assertEquals(T0.plusSeconds(10).toString(), web.get("lastChange").asText(), "became ineligible at 10 s");
            assertEquals(T0.plusSeconds(10).toString(), web.get("lastRun").asText());
            assertEquals(2, web.get("failuresInARow").asInt());
            assertEquals(2, web.get("failCount").asInt());
            assertTrue(web.get("ineligible").asBoolean());
            assertEquals(T0.plusSeconds(310).toString(), web.get("ineligibleUntil").asText());
            JsonNode db = root.get("checks").get(1);
            assertEquals("db", db.get("name").asText());
            assertEquals("OK", db.get("status").asText());
            assertTrue(db.get("ineligibleUntil").isNull());
            assertFalse(Files.readString(f.statusFile).contains("s3cret"), "never a password");

            // the reader of vigil checks sees the same
            HealthStatus read = StatusFile.read(f.statusFile);
            assertEquals(f.service.snapshot(), read.checks());
            assertFalse(Files.exists(dir.resolve(StatusFile.NAME + ".tmp")), "no temporary file left");
        }
    }

    @Test
    void steadyStateDoesNotRewriteTheFile() {
        try (Fixture f = new Fixture(CHECKS, dir).start()) {
            f.scheduler.advance(Duration.ofSeconds(1)); // the first results change PENDING to OK
            long writes = f.service.statusWrites();
            f.scheduler.advance(Duration.ofMinutes(10)); // 60 + 20 more OK results
            assertEquals(writes, f.service.statusWrites());
            assertEquals(61, f.state("web").runs());
            f.fail("web");
            f.scheduler.advance(Duration.ofSeconds(10));
            assertEquals(writes + 1, f.service.statusWrites());
        }
    }

    @Test
    void roundTripsOddText_andRejectsOtherFiles() throws IOException {
        CheckState odd = new CheckState("a", "g", "tcp", "FAILED", "DOWN", "quote \" back\\slash \u0001 tab\t é",
                T0, T0, 1, 1, true, null, 3, 4);
        HealthStatus status = new HealthStatus(42, T0, List.of(odd));
        Path file = dir.resolve("s.json");
        StatusFile.write(file, status);
        assertEquals(status, StatusFile.read(file));
        assertEquals(odd.summary(), new ObjectMapper().readTree(file.toFile()).get("checks").get(0).get("summary").asText());

        Files.writeString(file, "{\"format\": 99, \"checks\": []}");
        assertThrows(IOException.class, () -> StatusFile.read(file));
        Files.writeString(file, "not json");
        assertThrows(IOException.class, () -> StatusFile.read(file));
    }
}
