package org.vigil.agent.membership;

import java.util.Objects;

/**
 * One Heartbeat-style log line: the severity word Heartbeat prints ({@code info}, {@code WARN},
 * {@code ERROR}, {@code CRIT}) and the exact text users grep for.
 */
public record LogLine(Severity severity, String text) {

    public enum Severity {
        DEBUG("debug"), INFO("info"), WARN("WARN"), ERROR("ERROR"), CRIT("CRIT");

        private final String word;

        Severity(String word) {
            this.word = word;
        }

        /** The word as Heartbeat prints it before the text. */
        public String word() {
            return word;
        }
    }

    public LogLine {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** {@code WARN: node b: is dead}: the form after Heartbeat's {@code [pid]: } prefix. */
    @Override
    public String toString() {
        return severity.word() + ": " + text;
    }
}
