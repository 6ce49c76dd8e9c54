package org.vigil.agent.util;

/**
 * JSON string literals, for the few JSON documents Vigil writes itself (check-config's report,
 * the checks status file); the agent carries no JSON library at run time.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** Appends {@code s} as a JSON string literal, or {@code null}. */
    public static void quote(String s, StringBuilder out) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
