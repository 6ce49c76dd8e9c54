package org.vigil.agent.transport.serial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a serial byte stream into classic Heartbeat messages: from {@code >>>\n} to {@code <<<\n}
 * inclusive. Bytes before a start marker are line noise and are skipped; a start marker inside
 * an unfinished message means that message was cut (line noise, a peer restart) and a new one
 * begins, so one damaged message never swallows the next. A message that grows past the limit
 * without its end marker is dropped and counted. Each byte is looked at once (markers are
 * checked on the tail of the buffer in place), so a babbling line costs linear time.
 */
public final class ClassicFrameSplitter {

    private static final byte[] START = ">>>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "<<<\n".getBytes(StandardCharsets.US_ASCII);

    private final int maxFrame;
    private byte[] buf = new byte[1024];
    private int size;
    private boolean inFrame;
    private long dropped;

    public ClassicFrameSplitter(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    /** Feeds bytes; returns the complete messages they finish, in order. */
    public List<byte[]> feed(byte[] bytes, int length) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            append(bytes[i]);
            if (endsWith(START)) {
                if (inFrame && size > START.length) {
                    dropped++; // an unfinished message: it was cut
                }
                restartWith(START);
                inFrame = true;
            } else if (!inFrame) {
                if (size >= START.length) {
                    keepTail(START.length - 1);
                }
            } else if (endsWith(END)) {
                frames.add(Arrays.copyOf(buf, size));
                size = 0;
                inFrame = false;
            } else if (size > maxFrame) {
                dropped++;
                size = 0;
                inFrame = false;
            }
        }
        return frames;
    }

    /** Messages dropped: over the size limit, or cut by a new start marker. */
    public long dropped() {
        return dropped;
    }

    private void append(byte b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(Math.max(buf.length * 2, 16), maxFrame + END.length + 16));
        }
        buf[size++] = b;
    }

    private boolean endsWith(byte[] marker) {
        return size >= marker.length && Arrays.equals(buf, size - marker.length, size, marker, 0, marker.length);
    }

    private void restartWith(byte[] marker) {
        System.arraycopy(marker, 0, buf, 0, marker.length);
        size = marker.length;
    }

    private void keepTail(int keep) {
        System.arraycopy(buf, size - keep, buf, 0, keep);
        size = keep;
    }
}
