package org.vigil.agent.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Heartbeat 3.0 netstring framing: {@code ###\n}, one netstring {@code len:(T)name=value,}
 * per field with raw (not base64) values, {@code %%%\n}, then an authentication trailer
 * netstring {@code len:<index> <hex>,}. No separators and no NUL.
 *
 * <p>This class frames and parses; computing the trailer is {@link WireEncoder}'s job.
 */
public final class NetstringCodec {

    static final byte[] START = FieldSyntax.ascii("###\n");
    static final byte[] END = FieldSyntax.ascii("%%%\n");

    /** More digits than this cannot be a length below any sane frame limit. */
    private static final int MAX_LENGTH_DIGITS = 9;

    private NetstringCodec() {
    }

    /**
     * The bytes from {@code ###\n} through {@code %%%\n} inclusive: the part the trailer signs.
     * Every field gets a {@code (T)} prefix, strings included, as 3.0.6 sends them.
     */
    public static byte[] encodeBody(HaMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(START);
        for (HaField f : message.fields()) {
            StringBuilder header = new StringBuilder();
            FieldSyntax.appendHeader(header, f, true);
            byte[] head = header.toString().getBytes(StandardCharsets.US_ASCII);
            writeNetstring(out, head, f.rawValue());
        }
        out.writeBytes(END);
        return out.toByteArray();
    }

    /** {@code len:<text>,} for an ASCII payload (the trailer). */
    static byte[] netstring(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeNetstring(out, text.getBytes(StandardCharsets.US_ASCII), new byte[0]);
        return out.toByteArray();
    }

    private static void writeNetstring(ByteArrayOutputStream out, byte[] a, byte[] b) {
        out.writeBytes(FieldSyntax.ascii(Integer.toString(a.length + b.length)));
        out.write(':');
        out.writeBytes(a);
        out.writeBytes(b);
        out.write(',');
    }

    /**
     * A parsed netstring frame.
     *
     * @param bodyLength bytes from the frame start through {@code %%%\n}, the trailer's input
     * @param trailer    the trailer payload as text, or null if the frame ended after {@code %%%\n}
     */
    record Parsed(HaMessage message, int bodyLength, String trailer) {
    }

    /** Parses {@code buf[off, off+len)}, which must start with {@code ###\n}. */
    static Parsed parse(byte[] buf, int off, int len) throws WireFormatException {
        int to = off + len;
        int pos = off + START.length;
        HaMessage.Builder builder = HaMessage.builder();
        while (!FieldSyntax.startsWith(buf, pos, to, END)) {
            if (pos >= to || (to - pos < END.length && buf[pos] == '%')) {
                throw new WireFormatException(DropReason.TRUNCATED, "no end marker");
            }
            int[] span = readNetstring(buf, pos, to);
            HaField field = FieldSyntax.parse(buf, span[0], span[1], false);
            if (builder.has(field.name())) {
                throw new WireFormatException(DropReason.DUPLICATE_FIELD, "duplicate field");
            }
            builder.add(field);
            pos = span[1] + 1;
        }
        pos += END.length;
        int bodyLength = pos - off;
        String trailer = null;
        if (pos < to) {
            int[] span = readNetstring(buf, pos, to);
            trailer = new String(buf, span[0], span[1] - span[0], StandardCharsets.ISO_8859_1);
            pos = span[1] + 1;
            if (pos < to) {
                throw new WireFormatException(DropReason.TRAILING_DATA,
                        (to - pos) + " bytes after trailer");
            }
        }
        return new Parsed(builder.build(), bodyLength, trailer);
    }

    /**
     * Reads {@code len:payload,} at {@code pos}; returns {payloadStart, payloadEnd}. The length is
     * checked against the bytes actually present before anything is done with it, so a lying
     * prefix cannot cause a large allocation.
     */
    private static int[] readNetstring(byte[] buf, int pos, int to) throws WireFormatException {
        int i = pos;
        long length = 0;
        while (i < to && buf[i] >= '0' && buf[i] <= '9') {
            if (i - pos >= MAX_LENGTH_DIGITS) {
                throw new WireFormatException(DropReason.BAD_LENGTH, "length has too many digits");
            }
            length = length * 10 + (buf[i] - '0');
            i++;
        }
        if (i >= to) {
            throw new WireFormatException(DropReason.TRUNCATED, "frame ends inside a length");
        }
        if (i == pos || buf[i] != ':') {
            throw new WireFormatException(DropReason.BAD_LENGTH, "netstring length expected");
        }
        int start = i + 1;
        if (length > to - start - 1L) {
            throw new WireFormatException(DropReason.TRUNCATED,
                    "netstring of " + length + " bytes exceeds frame");
        }
        int end = start + (int) length;
        if (buf[end] != ',') {
            throw new WireFormatException(DropReason.BAD_LENGTH, "netstring not followed by ','");
        }
        return new int[] {start, end};
    }
}
