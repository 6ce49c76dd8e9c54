package org.vigil.agent.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes and authenticates inbound frames, detecting the framing from the first bytes.
 *
 * <p>Authentication follows Heartbeat: a classic frame is checked against its inner {@code auth}
 * field; a netstring frame only against its trailer (which covers the inner field too). Any
 * configured key index is accepted (see {@link AuthKeys}).
 *
 * <p>Bad input of any kind yields a {@link DecodeResult.Rejected}, never an exception; work is
 * bounded by the frame size, which is checked first, and no length read from the frame is
 * trusted before it is checked against the bytes actually present.
 */
public final class WireDecoder {

    /** Heartbeat's MAXMSG: the largest message it will read, 256 KiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 256 * 1024;

    private final AuthKeys keys;
    private final int maxFrameBytes;

    /** A decoder with Heartbeat's 256 KiB limit. */
    public WireDecoder(AuthKeys keys) {
        this(keys, DEFAULT_MAX_FRAME_BYTES);
    }

    public WireDecoder(AuthKeys keys, int maxFrameBytes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (maxFrameBytes < 8) {
            throw new IllegalArgumentException("maxFrameBytes too small: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Decodes and authenticates a whole datagram. */
    public DecodeResult decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /** Decodes and authenticates {@code buf[off, off+len)}. */
    public DecodeResult decode(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        try {
            checkSize(len, maxFrameBytes);
            if (FieldSyntax.startsWith(buf, off, off + len, NetstringCodec.START)) {
                NetstringCodec.Parsed p = NetstringCodec.parse(buf, off, len);
                if (p.trailer() == null) {
                    throw new WireFormatException(DropReason.MISSING_TRAILER, "no auth trailer");
                }
                int index = keys.verify(p.trailer(), Arrays.copyOfRange(buf, off, off + p.bodyLength()));
                return new DecodeResult.Accepted(p.message(), Framing.NETSTRING, index);
            }
            if (FieldSyntax.startsWith(buf, off, off + len, ClassicCodec.START)) {
                ClassicCodec.Parsed p = ClassicCodec.parse(buf, off, len);
                if (p.authToken() == null) {
                    throw new WireFormatException(DropReason.UNAUTHENTICATED, "no auth field");
                }
                int index = keys.verify(p.authToken(), p.signedText());
                return new DecodeResult.Accepted(p.message(), Framing.CLASSIC, index);
            }
            throw new WireFormatException(DropReason.UNKNOWN_FRAMING, "unknown framing");
        } catch (WireFormatException e) {
            return e.toRejected();
        }
    }

    /**
     * Parses a frame of either framing <em>without</em> checking authentication. Only for trusted
     * local sources such as the FIFO that {@code ha_clustermsg} writes to, whose messages carry no
     * auth; never for network input. Accepted results have key index -1.
     */
    public static DecodeResult parseUnauthenticated(byte[] buf, int off, int len,
            int maxFrameBytes) {
        Objects.checkFromIndexSize(off, len, buf.length);
        try {
            checkSize(len, maxFrameBytes);
            if (FieldSyntax.startsWith(buf, off, off + len, NetstringCodec.START)) {
                return new DecodeResult.Accepted(
                        NetstringCodec.parse(buf, off, len).message(), Framing.NETSTRING, -1);
            }
            if (FieldSyntax.startsWith(buf, off, off + len, ClassicCodec.START)) {
                return new DecodeResult.Accepted(
                        ClassicCodec.parse(buf, off, len).message(), Framing.CLASSIC, -1);
            }
            throw new WireFormatException(DropReason.UNKNOWN_FRAMING, "unknown framing");
        } catch (WireFormatException e) {
            return e.toRejected();
        }
    }

    private static void checkSize(int len, int max) throws WireFormatException {
        if (len == 0) {
            throw new WireFormatException(DropReason.EMPTY, "empty frame");
        }
        if (len > max) {
            throw new WireFormatException(DropReason.OVERSIZED,
                    len + " bytes exceeds limit of " + max);
        }
    }
}
