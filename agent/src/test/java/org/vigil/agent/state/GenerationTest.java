package org.vigil.agent.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationTest {

    @TempDir
    Path dir;

    @Test
    void next_missingFile_startsFromTheClock_thenIncrements() throws IOException {
        Path file = dir.resolve("hb_generation");
        Generation.Next first = Generation.next(file, false, () -> 1_700_000_000L);
        assertEquals(1_700_000_000L, first.value());
        assertEquals("No Previous generation - starting at 1700000000", first.warning());
        Generation.Next second = Generation.next(file, false, () -> 5L);
        assertEquals(1_700_000_001L, second.value());
        assertNull(second.warning());
    }

    @Test
    void file_isHeartbeatsFormat_fifteenCharactersAndNewline() throws IOException {
        Path file = dir.resolve("hb_generation");
        Files.writeString(file, "             41\n");
        assertEquals(42, Generation.next(file, false, () -> 0).value());
        assertEquals("             42\n", Files.readString(file));
        assertEquals(16, Files.size(file));
    }

    @Test
    void next_garbageFile_startsOverWithAWarning() throws IOException {
        Path file = dir.resolve("hb_generation");
        Files.writeString(file, "not a number");
        assertEquals(99, Generation.next(file, false, () -> 99).value());
    }

    @Test
    void next_timeBased_usesTheClockEachStart() throws IOException {
        Path file = dir.resolve("hb_generation");
        assertEquals(7, Generation.next(file, true, () -> 7).value());
        assertEquals(9, Generation.next(file, true, () -> 9).value());
    }

    @Test
    void uuid_isKeptInItsFile_orDerivedFromTheName() throws IOException {
        Path file = dir.resolve("hb_uuid");
        byte[] first = NodeUuid.load(file, false, "a");
        assertEquals(16, first.length);
        assertArrayEquals(first, NodeUuid.load(file, false, "a"));
        byte[] byName = NodeUuid.load(file, true, "a");
        assertArrayEquals(byName, NodeUuid.load(dir.resolve("other"), true, "a"));
        assertFalse(Arrays.equals(byName, NodeUuid.load(file, true, "b")));
    }
}
