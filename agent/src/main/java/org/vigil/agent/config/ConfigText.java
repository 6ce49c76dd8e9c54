package org.vigil.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Heartbeat configuration file into logical lines: {@code #} starts a comment anywhere,
 * blank lines are skipped, and (where the file allows it) a trailing backslash continues a line.
 */
final class ConfigText {

    /** A logical line, numbered by the physical line it starts on. */
    record Line(int number, String text) {
    }

    private ConfigText() {
    }

    static List<Line> lines(String content, boolean backslashContinues) {
        List<Line> out = new ArrayList<>();
        String[] physical = content.split("\r?\n", -1);
        StringBuilder pending = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String text = stripComment(physical[i]);
            boolean continues = backslashContinues && text.stripTrailing().endsWith("\\");
            if (continues) {
                String stripped = text.stripTrailing();
                text = stripped.substring(0, stripped.length() - 1);
            }
            if (pending == null) {
                pending = new StringBuilder(text);
                start = i + 1;
            } else {
                pending.append(' ').append(text);
            }
            if (!continues) {
                addIfNotBlank(out, start, pending);
                pending = null;
            }
        }
        if (pending != null) {
            addIfNotBlank(out, start, pending);
        }
        return out;
    }

    private static void addIfNotBlank(List<Line> out, int number, StringBuilder text) {
        String trimmed = text.toString().strip();
        if (!trimmed.isEmpty()) {
            out.add(new Line(number, trimmed));
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** Splits on blanks (spaces, tabs and any other whitespace). */
    static String[] words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }
}
