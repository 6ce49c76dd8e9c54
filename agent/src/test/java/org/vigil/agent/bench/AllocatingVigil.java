package org.vigil.agent.bench;

import org.vigil.agent.cli.VigilCommand;

/**
 * {@code vigil} with a background thread that allocates and drops short-lived arrays at a fixed
 * rate (default 200 MB/s, system property {@code vigil.bench.allocMBps}), for the false-death
 * benchmark: the membership loop must keep its timing while the collector works hard. Prints the
 * achieved rate every 10 s, so a run shows the load was really there.
 */
public final class AllocatingVigil {

    private static final int CHUNK = 64 * 1024;
    private static final long SLICE_MS = 10;

    private AllocatingVigil() {
    }

    public static void main(String[] args) {
        long mbps = Long.getLong("vigil.bench.allocMBps", 200);
        Thread t = new Thread(() -> allocate(mbps), "bench-allocator");
        t.setDaemon(true);
        t.start();
        VigilCommand.main(args);
    }

    /** Allocates {@code mbps} MB per second in 10 ms slices, keeping a few chunks alive briefly. */
    private static void allocate(long mbps) {
        long perSlice = mbps * 1024 * 1024 * SLICE_MS / 1000 / CHUNK;
        byte[][] recent = new byte[16][];
        long allocated = 0;
        long reportAt = System.nanoTime() + 10_000_000_000L;
        long next = System.nanoTime();
        int i = 0;
        while (true) {
            for (long n = 0; n < perSlice; n++) {
                byte[] chunk = new byte[CHUNK];
                chunk[i % CHUNK] = (byte) n; // touch it, so the allocation is not optimised away
                recent[i++ & 15] = chunk;
                allocated += CHUNK;
            }
            next += SLICE_MS * 1_000_000;
            long now = System.nanoTime();
            if (now - reportAt >= 0) {
                System.out.println("bench-allocator: " + allocated / (1024 * 1024) / 10 + " MB/s over the last 10 s");
                allocated = 0;
                reportAt = now + 10_000_000_000L;
            }
            long wait = next - now;
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else if (wait < -1_000_000_000L) {
                next = now; // fell behind by a second (starved CPU): do not try to catch up in a burst
            }
        }
    }
}
