package org.vigil.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.time.Ticker;

/** Real processes: exit codes, output, environment, and a hung script killed with its children. */
class ProcessCommandRunnerIT {

    @TempDir
    Path dir;

    private final ProcessCommandRunner runner = new ProcessCommandRunner(Ticker.system());

    @Test
    void run_capturesExitOutputAndEnvironment() {
        CommandResult r = runner.run(List.of("sh", "-c", "echo \"running $HA_X\"; echo oops >&2; exit 3"),
                Map.of("HA_X", "fine"), Duration.ofSeconds(10));
        assertEquals(3, r.exitCode());
        assertEquals("running fine", r.firstLine());
        assertEquals("oops\n", r.stderr());
        assertFalse(r.timedOut());
    }

    @Test
    void run_hungScript_isKilledWithItsChildrenAtTheDeadline() throws IOException {
        Path pidFile = dir.resolve("child.pid");
        CommandResult r = runner.run(List.of("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait"),
                Map.of(), Duration.ofMillis(500));
        assertTrue(r.timedOut(), r.describe());
        assertTrue(r.duration().toMillis() < 8000, r.describe());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(running(child), "the child sleep was killed too");
    }

    /** Alive and not a zombie: a killed orphan stays a zombie where PID 1 does not reap. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String s = Files.readString(stat);
        return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void run_missingProgram_isAResultNotAnException() {
        CommandResult r = runner.run(List.of(dir.resolve("nope").toString()), Map.of(), Duration.ofSeconds(1));
        assertNotNull(r.startError());
        assertFalse(r.succeeded());
        assertTrue(r.describe().contains("could not start"));
    }

    @Test
    void run_hugeOutput_isCappedNotBuffered() {
        CommandResult r = runner.run(List.of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x"), Map.of(), Duration.ofSeconds(10));
        assertEquals(0, r.exitCode());
        assertEquals(ProcessCommandRunner.MAX_OUTPUT, r.stdout().length());
    }
}
