package org.vigil.agent.exec;

import java.time.Duration;
import java.util.List;

/**
 * How a command ended. {@code exitCode} is -1 when it timed out (it was killed, with its
 * children) or could not be started ({@code startError} says why).
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut,
        String startError, Duration duration) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut && startError == null;
    }

    /** The first line of standard output, mon's and Heartbeat's summary convention. */
    public String firstLine() {
        int nl = stdout.indexOf('\n');
        return (nl < 0 ? stdout : stdout.substring(0, nl)).strip();
    }

    /** One line for logs: {@code [cmd] exit 3 in 120 ms}, or why it did not finish. */
    public String describe() {
        String what = String.join(" ", command);
        if (startError != null) {
            return "[" + what + "] could not start: " + startError;
        }
        if (timedOut) {
            return "[" + what + "] timed out after " + duration.toMillis() + " ms and was killed";
        }
        return "[" + what + "] exit " + exitCode + " in " + duration.toMillis() + " ms";
    }
}
