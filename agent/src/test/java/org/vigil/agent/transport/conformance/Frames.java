package org.vigil.agent.transport.conformance;

import java.nio.charset.StandardCharsets;

/**
 * The contract's frames: text between Heartbeat's classic markers, so that the same bytes are a
 * valid frame on every medium (serial needs the markers to find frame boundaries; UDP ignores them).
 */
public final class Frames {

    public static final String UNFRAMED = "?unframed ";
    private static final String START = ">>>\n";
    private static final String END = "\n<<<\n";

    private Frames() {
    }

    public static byte[] wrap(String text) {
        return (START + text + END).getBytes(StandardCharsets.UTF_8);
    }

    public static String unwrap(byte[] frame) {
        String s = new String(frame, StandardCharsets.UTF_8);
        if (s.startsWith(START) && s.endsWith(END) && s.length() >= START.length() + END.length()) {
            return s.substring(START.length(), s.length() - END.length());
        }
        return UNFRAMED + frame.length;
    }

    /** Line noise: binary bytes and a stray end marker, but no start marker. */
    public static byte[] garbage() {
        byte[] noise = {0, (byte) 0xff, (byte) 0xfe, 1, 2, '<', '<', '<', '\n', 'x', '=', (byte) 0x80, '\n', 0};
        return noise;
    }

    /** A printable text of exactly {@code length} characters whose every position is checkable. */
    public static String pattern(String prefix, int length) {
        StringBuilder b = new StringBuilder(prefix);
        int i = 0;
        while (b.length() < length) {
            b.append((char) ('a' + (i++ % 26)));
            if (i % 64 == 0) {
                b.append('|').append(i);
            }
        }
        b.setLength(length);
        return b.toString();
    }
}
