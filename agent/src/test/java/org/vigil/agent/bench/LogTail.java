package org.vigil.agent.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Follows a growing log file (a spawned node's stderr) and reports when a line appears, reading
 * only new bytes every 2 ms: the time a line is seen is at most a few ms after it was written.
 */
final class LogTail {

    private static final long POLL_NANOS = 2_000_000;

    private final Path file;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    LogTail(Path file) {
        this.file = file;
    }

    /** Forgets everything written so far: only lines written after this call count. */
    void skipToEnd() {
        readNew(line -> false);
    }

    /**
     * Waits for a new line containing {@code needle}; returns {@link System#nanoTime()} when it
     * was seen, or -1 after {@code timeoutMs}.
     */
    long await(String needle, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            if (readNew(line -> line.contains(needle))) {
                return System.nanoTime();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
        }
        return -1;
    }

    /** Reads the new complete lines; stops after the first accepted one (the rest stays unread). */
    private boolean readNew(java.util.function.Predicate<String> accept) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() <= offset) {
                return false;
            }
            f.seek(offset);
            byte[] buf = new byte[(int) Math.min(f.length() - offset, 1 << 20)];
            f.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            int start = 0;
            int nl;
            while ((nl = text.indexOf('\n', start)) >= 0) {
                String line = partial + text.substring(start, nl);
                partial.setLength(0);
                start = nl + 1;
                if (accept.test(line)) {
                    offset += text.substring(0, start).getBytes(StandardCharsets.UTF_8).length;
                    return true;
                }
            }
            partial.append(text.substring(start));
            offset += buf.length;
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
