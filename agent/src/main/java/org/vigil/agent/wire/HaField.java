package org.vigil.agent.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One immutable (name, type, value) field of an {@link HaMessage}.
 *
 * <p>Values are kept as bytes, exactly as they travel in the netstring framing, so a decoded
 * message re-encodes byte for byte. Rules enforced here are those every framing needs:
 * <ul>
 *   <li>names are non-empty printable ASCII without {@code =} and not starting with {@code (}
 *       (that would read as a type prefix in the classic framing);</li>
 *   <li>values are non-empty (Heartbeat rejects empty values);</li>
 *   <li>string values contain neither NUL (Heartbeat strings are C strings) nor byte 0x13, which
 *       the classic framing uses to carry {@code \n}, so a literal 0x13 could not round-trip.</li>
 * </ul>
 */
public final class HaField {

    /** The byte that stands for {@code \n} inside a classic-format string value. */
    static final byte CLASSIC_NEWLINE = 0x13;

    private final String name;
    private final FieldType type;
    private final byte[] value;

    /**
     * @throws IllegalArgumentException if the name or value breaks the rules above
     */
    public HaField(String name, FieldType type, byte[] value) {
        this.name = checkName(name);
        this.type = Objects.requireNonNull(type, "type");
        this.value = checkValue(name, type, Objects.requireNonNull(value, "value").clone());
    }

    /** A string field (UTF-8). */
    public static HaField ofString(String name, String value) {
        return new HaField(name, FieldType.STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary field. */
    public static HaField ofBinary(String name, byte[] value) {
        return new HaField(name, FieldType.BINARY, value);
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    /** A copy of the raw value bytes. */
    public byte[] value() {
        return value.clone();
    }

    /** Length of the value in bytes, without copying it. */
    public int valueLength() {
        return value.length;
    }

    /** The value decoded as UTF-8 (meaningful for {@link FieldType#STRING}). */
    public String stringValue() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Package-private access without a copy, for the codecs. */
    byte[] rawValue() {
        return value;
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty field name");
        }
        if (name.charAt(0) == '(') {
            throw new IllegalArgumentException("field name may not start with '('");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '=') {
                throw new IllegalArgumentException("illegal character in field name at " + i);
            }
        }
        return name;
    }

    private static byte[] checkValue(String name, FieldType type, byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("empty value for field " + name);
        }
        if (type == FieldType.STRING) {
            for (byte b : value) {
                if (b == 0 || b == CLASSIC_NEWLINE) {
                    throw new IllegalArgumentException(
                            "string field " + name + " contains NUL or 0x13");
                }
            }
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HaField f
                && f.name.equals(name) && f.type == type && Arrays.equals(f.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(value));
    }

    /** Strings are shown; other types only by length, so binary blobs never flood a log. */
    @Override
    public String toString() {
        return type == FieldType.STRING
                ? name + "=" + stringValue()
                : "(" + type.code() + ")" + name + "=<" + value.length + " bytes>";
    }
}
