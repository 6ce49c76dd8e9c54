package org.vigil.agent.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The {@code [(T)]name=value} syntax shared by both framings: one field's text, minus whatever
 * delimits it (a {@code \n} in classic, the netstring length in 3.0 framing).
 */
final class FieldSyntax {

    private static final int MAX_TYPE_DIGITS = 3;

    private FieldSyntax() {
    }

    /**
     * Parses one field from {@code buf[from, to)}.
     *
     * @param base64Binary true in the classic framing, where binary values are base64 text
     */
    static HaField parse(byte[] buf, int from, int to, boolean base64Binary)
            throws WireFormatException {
        int pos = from;
        FieldType type = FieldType.STRING;
        if (pos < to && buf[pos] == '(') {
            int close = pos + 1;
            int code = 0;
            while (close < to && buf[close] != ')') {
                byte b = buf[close];
                if (b < '0' || b > '9' || close - pos > MAX_TYPE_DIGITS) {
                    throw malformed("bad type prefix");
                }
                code = code * 10 + (b - '0');
                close++;
            }
            if (close >= to || close == pos + 1) {
                throw malformed("bad type prefix");
            }
            type = FieldType.fromCode(code).orElseThrow(() -> malformed("unknown field type"));
            pos = close + 1;
        }
        int eq = indexOf(buf, pos, to, (byte) '=');
        if (eq < 0) {
            throw malformed("field without '='");
        }
        String name = new String(buf, pos, eq - pos, StandardCharsets.ISO_8859_1);
        byte[] value = decodeValue(buf, eq + 1, to, type, base64Binary);
        try {
            return new HaField(name, type, value);
        } catch (IllegalArgumentException e) {
            // HaField's messages name only the field, never value bytes, so they are safe to keep.
            throw malformed(e.getMessage());
        }
    }

    private static byte[] decodeValue(byte[] buf, int from, int to, FieldType type,
            boolean base64Binary) throws WireFormatException {
        byte[] raw = Arrays.copyOfRange(buf, from, to);
        if (type == FieldType.BINARY && base64Binary) {
            try {
                return Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw malformed("bad base64 in binary field");
            }
        }
        if (type == FieldType.STRING) {
            // Classic text carries '\n' as 0x13; accepted in both framings so that a peer doing
            // the same inside netstrings still decodes.
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == HaField.CLASSIC_NEWLINE) {
                    raw[i] = '\n';
                }
            }
        }
        return raw;
    }

    /** Appends {@code [(T)]name=} for the given framing's conventions. */
    static void appendHeader(StringBuilder sb, HaField f, boolean prefixStrings) {
        if (prefixStrings || f.type() != FieldType.STRING) {
            sb.append('(').append(f.type().code()).append(')');
        }
        sb.append(f.name()).append('=');
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static boolean startsWith(byte[] buf, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static WireFormatException malformed(String detail) {
        return new WireFormatException(DropReason.MALFORMED, detail);
    }
}
