package org.vigil.checks.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.TestChecks;

/** script checks against real shell scripts in a temporary directory. */
class ScriptCheckTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private CheckResult run(Path script, String convention, String timeout) {
        Map<String, String> o = new HashMap<>();
        o.put("program", script.toString());
        o.put("convention", convention);
        o.put("timeout", timeout);
        return TestChecks.run(TestChecks.build("script", o));
    }

    @Test
    void monConventionExitZeroAndFirstLine() throws IOException {
        CheckResult ok = run(script("ok", "echo all fine; echo more detail; exit 0"), "mon", "5s");
        assertEquals(CheckStatus.OK, ok.status());
        assertEquals("all fine", ok.summary());
        assertEquals("more detail", ok.detail());
        CheckResult bad = run(script("bad", "echo 'db1 db2'; echo details; exit 1"), "mon", "5s");
        assertEquals(CheckStatus.FAILED, bad.status());
        assertEquals("db1 db2", bad.summary());
        CheckResult three = run(script("three", "exit 3"), "mon", "5s");
        assertEquals(CheckStatus.FAILED, three.status());
        assertEquals("exit 3", three.summary());
    }

    @Test
    void argumentsAndEnvironmentArePassed() throws IOException {
        Path s = script("args", "echo \"$1|$2|$VIGIL_CHECK|$GREETING\"");
        CheckResult r = TestChecks.run(TestChecks.build("script", Map.of("program", s.toString(),
                "args", "one 'two words'", "env.GREETING", "hi")));
        assertEquals("one|two words|test-script|hi", r.summary());
    }

    @Test
    void lsbExitCodes() throws IOException {
        assertEquals(CheckStatus.OK, run(script("l0", "echo mysqld is running; exit 0"), "lsb", "5s").status());
        CheckResult stopped = run(script("l3", "echo mysqld is stopped; exit 3"), "lsb", "5s");
        assertEquals(CheckStatus.FAILED, stopped.status());
        assertTrue(stopped.summary().startsWith("not running"), stopped.summary());
        CheckResult dead = run(script("l1", "exit 1"), "lsb", "5s");
        assertEquals("dead but pid file exists", dead.summary());
        assertEquals(CheckStatus.ERROR, run(script("l4", "exit 4"), "lsb", "5s").status());
    }

    @Test
    void statusTextLikeHeartbeat() throws IOException {
        assertEquals(CheckStatus.OK, run(script("t1", "echo ' * MariaDB is running'; exit 3"), "status", "5s").status());
        assertEquals(CheckStatus.FAILED, run(script("t2", "echo ' * MariaDB is not running'; exit 0"), "status", "5s").status());
        assertEquals(CheckStatus.FAILED, run(script("t3", "echo 'Not Running'"), "status", "5s").status());
        assertEquals(CheckStatus.OK, run(script("t4", "echo 'Uptime: 5  Threads: 1'; echo OK"), "status", "5s").status());
        assertEquals(CheckStatus.FAILED, run(script("t5", "echo 'stopped'"), "status", "5s").status());
    }

    @Test
    void hangingScriptAndItsChildrenAreKilledAtTheDeadline() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        // the child is a separate process that would outlive a naive kill of the shell
        Path s = script("hang", "sleep 300 & echo $! > " + pidFile + "; echo started; wait");
        long t0 = System.nanoTime();
        CheckResult r = run(s, "mon", "700ms");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(CheckStatus.TIMEOUT, r.status(), r::toString);
        assertTrue(took.compareTo(Duration.ofMillis(1700)) < 0, "took " + took);
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        if (child.isPresent()) {
            // killed with SIGKILL; reaping by init may lag by a moment, so wait on its exit
            child.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void missingProgramIsAConfigError() {
        var r = BuiltinChecks.registry().build("x", "script", Map.of("program", dir.resolve("nope").toString()));
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).contains("not an executable"), r.errors().toString());
    }
}
