package org.vigil.agent.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Appends one line per record to a file and flushes it at once (a log read after a crash must
 * hold the last lines). Unlike JUL's FileHandler it makes no lock files and no rotation: that is
 * logrotate's job, and {@link #reopen()} follows a rotated file.
 */
public final class LineFileHandler extends Handler {

    private final Path file;
    private OutputStream out;

    public LineFileHandler(Path file, Level level, Formatter formatter) throws IOException {
        this.file = file;
        setLevel(level);
        setFormatter(formatter);
        open();
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || out == null) {
            return;
        }
        try {
            out.write(getFormatter().format(record).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            reportError("cannot write " + file, e, java.util.logging.ErrorManager.WRITE_FAILURE);
        }
    }

    /** Reopens the file, after logrotate moved it away. */
    public synchronized void reopen() throws IOException {
        close();
        open();
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError("cannot flush " + file, e, java.util.logging.ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError("cannot close " + file, e, java.util.logging.ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }
}
