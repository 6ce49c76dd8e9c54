package org.vigil.agent.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * The generation number: how many times this node has started. Peers use it to tell a restart
 * (higher) from a replay (lower). Kept as Heartbeat keeps {@code hb_generation}: a 15-character
 * right-aligned decimal and a newline, incremented and fsynced at every start, so that a crash
 * right after start cannot reuse a number. A missing or unreadable file starts from the current
 * time in seconds, as Heartbeat does ({@code No Previous generation - starting at N}).
 */
public final class Generation {

    private Generation() {
    }

    /** The outcome of {@link #next}: the new generation, and a warning when it had to start over. */
    public record Next(long value, String warning) {
    }

    /**
     * Reads, increments and durably writes the generation.
     *
     * @param epochSeconds wall-clock seconds, used only to seed a missing counter (and for
     *     {@code hbgenmethod time}); never for liveness
     */
    public static Next next(Path file, boolean timeBased, LongSupplier epochSeconds) throws IOException {
        if (timeBased) {
            long value = epochSeconds.getAsLong();
            write(file, value);
            return new Next(value, null);
        }
        long previous = read(file);
        Next next = previous < 0
                ? new Next(epochSeconds.getAsLong(), "No Previous generation - starting at " + epochSeconds.getAsLong())
                : new Next(previous + 1, null);
        write(file, next.value());
        return next;
    }

    /** The stored generation, or -1 when there is none or it is not a number. */
    static long read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            long value = Long.parseLong(text);
            return value >= 0 ? value : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void write(Path file, long value) throws IOException {
        byte[] text = String.format("%15d\n", value).getBytes(StandardCharsets.US_ASCII);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(text));
            ch.force(true);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
