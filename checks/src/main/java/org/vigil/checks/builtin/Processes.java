package org.vigil.checks.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Process helpers shared by the script and ping checks. */
final class Processes {

    static final int MAX_OUTPUT = 64 * 1024;

    private Processes() {
    }

    /**
     * Kills a process and everything it started. Descendants are collected and killed first,
     * round after round, because once the parent is dead its children are re-parented to init and
     * can no longer be found from it. A child that daemonised itself (double fork) has already
     * left the tree and escapes: health-check scripts must not do that.
     */
    static void killTree(Process p) {
        List<ProcessHandle> seen = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> kids = p.descendants().toList();
            if (kids.isEmpty()) {
                break;
            }
            seen.addAll(kids);
            kids.forEach(ProcessHandle::destroyForcibly);
        }
        p.destroyForcibly();
        seen.forEach(ProcessHandle::destroyForcibly);
    }

    /** At most {@link #MAX_OUTPUT} bytes of a file, as UTF-8 (bad bytes replaced). */
    static String readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }

    /** Splits like a simple shell: whitespace separates, single or double quotes group. */
    static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
