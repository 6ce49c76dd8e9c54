package org.vigil.agent.wire;

/**
 * Heartbeat's {@code crc} auth digest: CRC-32 with polynomial 0x04C11DB7, processed MSB first
 * (not reflected), initial value 0, no message length appended, final ones' complement. This is
 * not {@link java.util.zip.CRC32} (reflected, init 0xFFFFFFFF) nor POSIX cksum (appends the
 * length); its check value for {@code "123456789"} is 0x765e7680.
 */
public final class HeartbeatCrc {

    private static final int POLY = 0x04C11DB7;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ POLY : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private HeartbeatCrc() {
    }

    /** The CRC of {@code data} as an unsigned 32-bit value. */
    public static long compute(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xff];
        }
        return Integer.toUnsignedLong(~crc);
    }

    /** The digest as Heartbeat prints it: {@code %lx}, lowercase, no zero padding. */
    public static String hex(byte[] data) {
        return Long.toHexString(compute(data));
    }
}
