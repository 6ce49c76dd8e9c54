package org.vigil.agent.testing.netns;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link Testbed#exec}: exit code, captured output and how long it took. A command
 * that ran into its timeout has {@link #timedOut()} set and exit code -1.
 */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr,
                         Duration elapsed, boolean timedOut) {

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** Trimmed stdout. */
    public String out() {
        return stdout.strip();
    }

    /** Returns this result when the command succeeded; throws with the full picture otherwise. */
    public ExecResult orThrow() {
        if (!ok()) {
            throw new TestbedException(describe());
        }
        return this;
    }

    public String describe() {
        return String.join(" ", command) + " -> " + (timedOut ? "TIMEOUT after " + elapsed.toMillis() + " ms"
                : "exit " + exitCode) + (stdout.isBlank() ? "" : "\n  stdout: " + stdout.strip())
                + (stderr.isBlank() ? "" : "\n  stderr: " + stderr.strip());
    }

    @Override
    public String toString() {
        return describe();
    }
}
