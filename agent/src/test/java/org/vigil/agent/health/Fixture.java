package org.vigil.agent.health;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.agent.config.ChecksFile;
import org.vigil.agent.config.ChecksFileParser;
import org.vigil.agent.config.Diagnostics;
import org.vigil.checks.CheckResult;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.schedule.ManualCheckScheduler;

/**
 * A health service on the manual scheduler: the checks file is parsed for real (built-in check
 * types), but running a check returns what the test set for it, so nothing touches the network
 * and nothing sleeps.
 */
final class Fixture implements AutoCloseable {

    /** Monday 23 November 2026, 06:00 UTC. */
    static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    final Map<String, CheckResult> results = new ConcurrentHashMap<>();
    final ActionRecorder actions = new ActionRecorder();
    final ManualCheckScheduler scheduler;
    final HealthService service;
    final Path statusFile;

    Fixture(String checksText, Path stateDir) {
        Diagnostics d = new Diagnostics();
        ChecksFile file = ChecksFileParser.parse("checks", checksText, d, BuiltinChecks.registry());
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        statusFile = stateDir == null ? null : stateDir.resolve(StatusFile.NAME);
        ManualCheckScheduler[] ref = new ManualCheckScheduler[1];
        service = new HealthService(file, actions, statusFile, () -> ref[0] == null ? T0 : ref[0].now());
        actions.service = service;
        scheduler = new ManualCheckScheduler(
                c -> Optional.of(results.getOrDefault(c.name(), CheckResult.ok("fine"))),
                service.listener(), T0, ZoneOffset.UTC, 7);
        ref[0] = scheduler;
    }

    Fixture start() {
        service.start(scheduler);
        return this;
    }

    void fail(String check) {
        results.put(check, CheckResult.failed("connection refused"));
    }

    void pass(String check) {
        results.put(check, CheckResult.ok("HTTP 200"));
    }

    CheckState state(String check) {
        return service.state(check).orElseThrow();
    }

    @Override
    public void close() {
        service.close();
    }
}
