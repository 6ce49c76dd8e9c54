package org.vigil.agent.transport.serial;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a serial byte stream into classic Heartbeat messages: from {@code >>>\n} to {@code <<<\n}
 * inclusive. Bytes before a start marker are line noise and are skipped; a message that grows
 * past the limit without its end marker is dropped and counted, so that a babbling line cannot
 * exhaust memory.
 */
public final class ClassicFrameSplitter {

    private static final byte[] START = ">>>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] END = "<<<\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int maxFrame;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean inFrame;
    private long dropped;

    public ClassicFrameSplitter(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    /** Feeds bytes; returns the complete messages they finish, in order. */
    public List<byte[]> feed(byte[] bytes, int length) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            pending.write(bytes[i]);
            if (!inFrame) {
                if (endsWith(START)) {
                    pending.reset();
                    pending.writeBytes(START);
                    inFrame = true;
                } else if (pending.size() > START.length) {
                    trimToTail(START.length - 1);
                }
            } else if (endsWith(END)) {
                frames.add(pending.toByteArray());
                pending.reset();
                inFrame = false;
            } else if (pending.size() > maxFrame) {
                dropped++;
                pending.reset();
                inFrame = false;
            }
        }
        return frames;
    }

    /** Messages dropped for exceeding the size limit. */
    public long dropped() {
        return dropped;
    }

    private boolean endsWith(byte[] marker) {
        int size = pending.size();
        if (size < marker.length) {
            return false;
        }
        byte[] buf = pending.toByteArray();
        return Arrays.equals(buf, size - marker.length, size, marker, 0, marker.length);
    }

    private void trimToTail(int keep) {
        byte[] buf = pending.toByteArray();
        pending.reset();
        pending.write(buf, buf.length - keep, keep);
    }
}
