package org.vigil.agent.config;

import java.util.Objects;

/**
 * One problem found in a configuration file, with where it is and, when there is one, a
 * suggestion that fixes it. Values quoted from the file appear in brackets, as in Heartbeat's own
 * messages: {@code deadtime [10000 ms]}. A diagnostic never contains a secret.
 *
 * @param file the file as the user named it (for example {@code /etc/ha.d/ha.cf})
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 * @param suggestion the fix in a few words, or {@code null}
 */
public record Diagnostic(String file, int line, Severity severity, String message, String suggestion) {

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line);
        }
    }

    /** {@code FILE:LINE: error|warning|note: message; suggestion}, the compiler-style form. */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ").append(severity.label()).append(": ").append(message);
        if (suggestion != null) {
            out.append("; ").append(suggestion);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
