package org.vigil.agent.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable Heartbeat message: an ordered list of uniquely named {@link HaField}s.
 *
 * <p>Order matters on the wire (it is part of what is signed), so it is preserved exactly. Field
 * names are unique: Heartbeat looks fields up by name and a second field of the same name would
 * be ambiguous, so the builder (and therefore the decoder) refuses duplicates.
 */
public final class HaMessage {

    /** Name of the message type field. */
    public static final String TYPE = "t";
    /** Name of the inner authentication field. */
    public static final String AUTH = "auth";

    private final List<HaField> fields;

    private HaMessage(List<HaField> fields) {
        this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting with this message's fields, in order. */
    public Builder toBuilder() {
        Builder b = new Builder();
        fields.forEach(b::add);
        return b;
    }

    /** The fields in wire order (unmodifiable). */
    public List<HaField> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public Optional<HaField> field(String name) {
        for (HaField f : fields) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public boolean has(String name) {
        return field(name).isPresent();
    }

    /** The {@code t} field, if present. */
    public Optional<String> type() {
        return string(TYPE);
    }

    /** A string field's value; empty if absent or not of string type. */
    public Optional<String> string(String name) {
        return field(name).filter(f -> f.type() == FieldType.STRING).map(HaField::stringValue);
    }

    /** A binary field's value (a copy); empty if absent or not of binary type. */
    public Optional<byte[]> binary(String name) {
        return field(name).filter(f -> f.type() == FieldType.BINARY).map(HaField::value);
    }

    /**
     * A string field read as unsigned hex, as Heartbeat writes {@code seq hg ts dt ackseq};
     * empty if absent or not valid hex of at most 64 bits.
     */
    public OptionalLong hex(String name) {
        return parse(name, 16);
    }

    /** A string field read as decimal ({@code ttl}, NS_rexmit's {@code firstseq}/{@code lastseq}). */
    public OptionalLong decimalLong(String name) {
        return parse(name, 10);
    }

    /** A decimal string field that must fit an int; empty if absent, malformed or out of range. */
    public OptionalInt decimal(String name) {
        OptionalLong v = decimalLong(name);
        if (v.isEmpty() || v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v.getAsLong());
    }

    private OptionalLong parse(String name, int radix) {
        Optional<String> s = string(name);
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        String text = s.get();
        try {
            return OptionalLong.of(radix == 16
                    ? Long.parseUnsignedLong(text, 16)
                    : Long.parseLong(text, 10));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** This message without the named field (same instance if it is absent). */
    public HaMessage without(String name) {
        if (!has(name)) {
            return this;
        }
        return new HaMessage(fields.stream().filter(f -> !f.name().equals(name)).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HaMessage m && m.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.stream().map(HaField::toString).collect(Collectors.joining(", ", "{", "}"));
    }

    /** Collects fields in insertion order; {@link #build()} may be called once or many times. */
    public static final class Builder {
        private final List<HaField> fields = new ArrayList<>();
        // Hashed so that a hostile frame with tens of thousands of fields costs linear, not
        // quadratic, time in the duplicate check.
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        /**
         * Appends a field.
         *
         * @throws IllegalArgumentException if a field of that name is already present
         */
        public Builder add(HaField field) {
            Objects.requireNonNull(field, "field");
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("duplicate field " + field.name());
            }
            fields.add(field);
            return this;
        }

        public Builder add(String name, String value) {
            return add(HaField.ofString(name, value));
        }

        public Builder addBinary(String name, byte[] value) {
            return add(HaField.ofBinary(name, value));
        }

        /** A string field holding {@code value} as unsigned lowercase hex (C {@code %lx}). */
        public Builder addHex(String name, long value) {
            return add(name, Long.toHexString(value));
        }

        /** A string field holding {@code value} in decimal. */
        public Builder addDecimal(String name, long value) {
            return add(name, Long.toString(value));
        }

        /**
         * Inserts a field before the field named {@code before}, or appends it if that is absent.
         */
        public Builder insertBefore(String before, HaField field) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("duplicate field " + field.name());
            }
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(before)) {
                    fields.add(i, field);
                    return this;
                }
            }
            fields.add(field);
            return this;
        }

        public boolean has(String name) {
            return names.contains(name);
        }

        public HaMessage build() {
            return new HaMessage(fields);
        }
    }
}
