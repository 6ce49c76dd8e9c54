package org.vigil.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.vigil.checks.builtin.BuiltinChecks;

/** Builds built-in checks for tests, failing the test on configuration errors. */
public final class TestChecks {

    private TestChecks() {
    }

    public static HealthCheck build(String type, Map<String, String> options) {
        CheckRegistry.BuildResult r = BuiltinChecks.registry().build("test-" + type, type, options);
        assertTrue(r.ok(), () -> "unexpected config errors: " + r.errors());
        return r.check();
    }

    /** Runs through a fresh runner, as the agent will. */
    public static CheckResult run(HealthCheck check) {
        try (CheckRunner runner = new CheckRunner()) {
            return runner.run(check).orElseThrow();
        }
    }
}
