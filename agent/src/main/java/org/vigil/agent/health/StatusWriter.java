package org.vigil.agent.health;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps the status file up to date without writing it once per result: changes bump a version,
 * and {@link #flush} writes the latest snapshot if the file is behind. When several scheduler
 * threads change state at once, one of them writes (once) and the others return at once.
 */
final class StatusWriter {

    private static final System.Logger LOG = System.getLogger(StatusWriter.class.getName());

    private final Path file;
    private final Supplier<HealthStatus> snapshot;
    private final AtomicLong version = new AtomicLong();
    private final ReentrantLock writing = new ReentrantLock();
    private volatile long written = -1;
    private long writes;
    private boolean failing;

    /** @param file where to write; null: keep no file (the state is still kept in memory) */
    StatusWriter(Path file, Supplier<HealthStatus> snapshot) {
        this.file = file;
        this.snapshot = snapshot;
    }

    void changed() {
        version.incrementAndGet();
    }

    /** Writes the file if a change since the last write is not in it yet. Call outside the state lock. */
    void flush() {
        if (file == null) {
            return;
        }
        while (written < version.get() && writing.tryLock()) {
            try {
                long v = version.get();
                if (written >= v) {
                    continue;
                }
                // the snapshot is taken after reading v, so it holds at least change v
                write(snapshot.get());
                written = v;
            } finally {
                writing.unlock();
            }
        }
    }

    private void write(HealthStatus status) {
        try {
            StatusFile.write(file, status);
            writes++;
            if (failing) {
                failing = false;
                LOG.log(System.Logger.Level.INFO, "checks status file {0} written again", file);
            }
        } catch (IOException e) {
            // say it once, not once per result; the checks themselves go on
            if (!failing) {
                failing = true;
                LOG.log(System.Logger.Level.WARNING, "cannot write the checks status file {0}: {1}", file, e.toString());
            }
        }
    }

    /** @return how many times the file was written (for tests and the benchmark) */
    long writes() {
        writing.lock();
        try {
            return writes;
        } finally {
            writing.unlock();
        }
    }
}
