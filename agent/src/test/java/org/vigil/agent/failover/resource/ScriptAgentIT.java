package org.vigil.agent.failover.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.exec.ProcessCommandRunner;
import org.vigil.agent.time.Ticker;

/** Heartbeat-style, LSB and OCF scripts, written to a temp dir and really run. */
class ScriptAgentIT {

    @TempDir
    Path dir;

    private final ProcessCommandRunner runner = new ProcessCommandRunner(Ticker.system());

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** A service whose state is a file: start creates it, stop removes it. */
    private Path service(String statusBody) throws IOException {
        return script("svc", "state=" + dir.resolve("state") + "\nfor a; do act=$a; done\n"
                + "case \"$act\" in start) echo \"$1\" > $state;; stop) rm -f $state;; status) " + statusBody + ";; esac\n");
    }

    @Test
    void heartbeatStyleScript_argumentsBeforeAction_statusFromText() throws IOException {
        ScriptAgent agent = new ScriptAgent("svc::arg1", service("if [ -f $state ]; then echo running; else echo stopped; fi"),
                List.of("arg1"), Map.of(), runner, Duration.ofSeconds(5));
        assertEquals(ResourceState.STOPPED, agent.status().state(), "'stopped' text wins over exit 0");
        assertTrue(agent.start().success());
        assertEquals("arg1\n", Files.readString(dir.resolve("state")));
        assertEquals(ResourceState.RUNNING, agent.status().state());
        assertTrue(agent.stop().success());
    }

    @Test
    void lsbScript_silentStatus_usesExitCodes() throws IOException {
        ScriptAgent agent = new ScriptAgent("svc", service("[ -f $state ] && exit 0; exit 3"), List.of(), Map.of(), runner,
                Duration.ofSeconds(5));
        assertEquals(ResourceState.STOPPED, agent.status().state());
        agent.start();
        assertEquals(ResourceState.RUNNING, agent.status().state());
    }

    @Test
    void failingOrHungActions_areFailures() throws IOException {
        ScriptAgent failing = new ScriptAgent("bad", script("bad", "echo 'cannot bind' >&2; exit 1\n"), List.of(), Map.of(),
                runner, Duration.ofSeconds(5));
        OpResult r = failing.start();
        assertFalse(r.success());
        assertTrue(r.detail().contains("cannot bind"), r.detail());
        ScriptAgent hung = new ScriptAgent("hung", script("hung", "sleep 60\n"), List.of(), Map.of(), runner, Duration.ofMillis(300));
        assertFalse(hung.start().success());
        assertEquals(ResourceState.UNKNOWN, hung.status().state());
    }

    @Test
    void ocfAgent_parametersAndExitCodes() throws IOException {
        Path agentFile = script("dummy", "state=" + dir.resolve("ocf-state") + "\n"
                + "case \"$1\" in start) echo \"$OCF_RESKEY_name\" > $state;; stop) rm -f $state;;"
                + " monitor) [ -f $state ] && exit 0; exit 7;; esac\n");
        OcfAgent agent = new OcfAgent("dummy::name=web", agentFile, List.of("name=web"), "dummy_1", runner, Duration.ofSeconds(5));
        assertEquals(ResourceState.STOPPED, agent.status().state());
        assertTrue(agent.start().success());
        assertEquals("web\n", Files.readString(dir.resolve("ocf-state")));
        assertEquals(ResourceState.RUNNING, agent.status().state());
        assertTrue(agent.stop().success());
        assertEquals(ResourceState.STOPPED, agent.status().state());
    }
}
