package org.vigil.agent.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The classic text framing: {@code >>>\n}, one {@code [(T)]name=value\n} per field, {@code <<<\n},
 * plus a terminating NUL on UDP. Used by Heartbeat 1.x/2.x, serial links and the local FIFO, and
 * (without the markers) as the input of the inner {@code auth} field.
 */
public final class ClassicCodec {

    static final byte[] START = FieldSyntax.ascii(">>>\n");
    static final byte[] END = FieldSyntax.ascii("<<<\n");

    private ClassicCodec() {
    }

    /**
     * The full classic frame.
     *
     * @param nulTerminated append the NUL that Heartbeat includes in UDP datagrams
     * @throws IllegalArgumentException if an opaque (struct/list/...) value contains a newline
     *     or NUL, which this framing cannot carry
     */
    public static byte[] encode(HaMessage message, boolean nulTerminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(START);
        out.writeBytes(body(message));
        out.writeBytes(END);
        if (nulTerminated) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * The classic text of the fields only, without {@code >>>}/{@code <<<}: exactly what
     * Heartbeat's inner {@code auth} digest covers when called on a message without its auth
     * field. String newlines become 0x13, binary values standard padded base64.
     */
    public static byte[] body(HaMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HaField f : message.fields()) {
            StringBuilder header = new StringBuilder();
            FieldSyntax.appendHeader(header, f, false);
            out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(value(f));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] value(HaField f) {
        byte[] v = f.rawValue();
        switch (f.type()) {
            case STRING: {
                byte[] copy = v.clone();
                for (int i = 0; i < copy.length; i++) {
                    if (copy[i] == '\n') {
                        copy[i] = HaField.CLASSIC_NEWLINE;
                    }
                }
                return copy;
            }
            case BINARY:
                return Base64.getEncoder().encode(v);
            default:
                for (byte b : v) {
                    if (b == '\n' || b == 0) {
                        throw new IllegalArgumentException(
                                "field " + f.name() + " cannot be carried in classic framing");
                    }
                }
                return v;
        }
    }

    /** The fields of a classic frame, and what its inner auth field covers. */
    record Parsed(HaMessage message, byte[] signedText, String authToken) {
    }

    /**
     * Parses {@code buf[off, off+len)}, which must start with {@code >>>\n}. A single NUL after
     * {@code <<<\n} is accepted; anything else after it is {@link DropReason#TRAILING_DATA}.
     * The returned signed text is the original lines minus the {@code auth} line, so verification
     * does not depend on re-encoding.
     */
    static Parsed parse(byte[] buf, int off, int len) throws WireFormatException {
        int to = off + len;
        int pos = off + START.length;
        HaMessage.Builder builder = HaMessage.builder();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        String authToken = null;
        while (true) {
            int nl = FieldSyntax.indexOf(buf, pos, to, (byte) '\n');
            if (nl < 0) {
                throw new WireFormatException(DropReason.TRUNCATED, "no end marker");
            }
            if (nl - pos == 3 && FieldSyntax.startsWith(buf, pos, to, END)) {
                pos = nl + 1;
                break;
            }
            if (FieldSyntax.indexOf(buf, pos, nl, (byte) 0) >= 0) {
                throw FieldSyntax.malformed("NUL inside a field");
            }
            HaField field = FieldSyntax.parse(buf, pos, nl, true);
            if (builder.has(field.name())) {
                throw new WireFormatException(DropReason.DUPLICATE_FIELD, "duplicate field");
            }
            builder.add(field);
            if (field.name().equals(HaMessage.AUTH)) {
                authToken = field.stringValue();
            } else {
                signed.write(buf, pos, nl + 1 - pos);
            }
            pos = nl + 1;
        }
        int rest = to - pos;
        if (rest > 1 || (rest == 1 && buf[pos] != 0)) {
            throw new WireFormatException(DropReason.TRAILING_DATA, rest + " bytes after <<<");
        }
        return new Parsed(builder.build(), signed.toByteArray(), authToken);
    }
}
