package org.vigil.agent.wire;

import java.util.Optional;

/**
 * The type code of a Heartbeat message field, as written in the {@code (T)} prefix on the wire.
 *
 * <p>Vigil interprets {@link #STRING} and {@link #BINARY} fully. The other types (nested structs,
 * lists, compressed payloads) are carried as opaque bytes so that a peer using them never makes
 * decoding fail; nothing in Vigil's R1 mode needs their contents.
 */
public enum FieldType {
    STRING(0),
    BINARY(1),
    STRUCT(2),
    LIST(3),
    COMPRESS(4),
    UNCOMPRESS(5);

    private final int code;

    FieldType(int code) {
        this.code = code;
    }

    /** The numeric code used in the {@code (T)} prefix. */
    public int code() {
        return code;
    }

    /** The type for a wire code, or empty for a code Heartbeat does not define. */
    public static Optional<FieldType> fromCode(int code) {
        for (FieldType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
