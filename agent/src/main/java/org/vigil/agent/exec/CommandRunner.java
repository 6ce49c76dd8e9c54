package org.vigil.agent.exec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs external programs (resource scripts, agents, fence commands) with a hard deadline. */
public interface CommandRunner {

    /**
     * Runs {@code command} with {@code environment} added to Vigil's own, standard input closed.
     * Never throws and never outlives {@code timeout} by more than the time to kill: a program
     * still running at the deadline is killed with its whole process tree.
     */
    CommandResult run(List<String> command, Map<String, String> environment, Duration timeout);

    /** The same, with {@code input} written to standard input (a mail body for sendmail). */
    default CommandResult run(List<String> command, Map<String, String> environment, Duration timeout, byte[] input) {
        if (input.length == 0) {
            return run(command, environment, timeout);
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot pass standard input");
    }
}
