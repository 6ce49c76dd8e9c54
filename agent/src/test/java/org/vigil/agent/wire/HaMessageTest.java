package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HaMessageTest {

    @Test
    void builderPreservesInsertionOrder() {
        HaMessage m = HaMessage.builder().add("t", "x").add("b", "2").add("a", "1").build();
        assertEquals(List.of("t", "b", "a"), m.fields().stream().map(HaField::name).toList());
        assertEquals("x", m.type().orElseThrow());
    }

    @Test
    void insertBeforePlacesTheField() {
        HaMessage m = HaMessage.builder().add("t", "x").add("src", "a")
                .insertBefore("src", HaField.ofString("dest", "b")).build();
        assertEquals(List.of("t", "dest", "src"), m.fields().stream().map(HaField::name).toList());
    }

    @Test
    void typedGetters() {
        byte[] blob = {0, 1, 2, (byte) 0xff};
        HaMessage m = HaMessage.builder()
                .addHex("seq", 0xfffffffffL)
                .add("ttl", "3")
                .add("big", "99999999999")
                .add("junk", "zz")
                .addBinary("srcuuid", blob)
                .build();
        assertEquals(0xfffffffffL, m.hex("seq").getAsLong());
        assertEquals("fffffffff", m.string("seq").orElseThrow());
        assertEquals(3, m.decimal("ttl").getAsInt());
        assertTrue(m.decimal("big").isEmpty(), "out of int range");
        assertEquals(99999999999L, m.decimalLong("big").getAsLong());
        assertTrue(m.hex("junk").isEmpty());
        assertTrue(m.hex("missing").isEmpty());
        assertArrayEquals(blob, m.binary("srcuuid").orElseThrow());
        assertTrue(m.string("srcuuid").isEmpty(), "binary is not a string");
        assertTrue(m.binary("ttl").isEmpty(), "string is not binary");
    }

    @Test
    void hexHandlesFullUnsignedRange() {
        HaMessage m = HaMessage.builder().addHex("hg", -1L).build();
        assertEquals("ffffffffffffffff", m.string("hg").orElseThrow());
        assertEquals(-1L, m.hex("hg").getAsLong());
    }

    @Test
    void emptyValuesAndDuplicatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> HaMessage.builder().add("a", ""));
        assertThrows(IllegalArgumentException.class,
                () -> HaMessage.builder().addBinary("a", new byte[0]));
        HaMessage.Builder b = HaMessage.builder().add("a", "1");
        assertThrows(IllegalArgumentException.class, () -> b.add("a", "2"));
    }

    @Test
    void badNamesAndStringBytesAreRejected() {
        for (String name : new String[] {"", "a=b", "(1)x", "a b", "a\nb", "é"}) {
            assertThrows(IllegalArgumentException.class, () -> HaField.ofString(name, "v"), name);
        }
        assertThrows(IllegalArgumentException.class, () -> HaField.ofString("a", "x\0y"));
        assertThrows(IllegalArgumentException.class, () -> HaField.ofString("a", "x\u0013y"));
        assertEquals("line1\nline2", HaField.ofString("info", "line1\nline2").stringValue());
    }

    @Test
    void valuesAreCopiedDefensively() {
        byte[] v = {1, 2, 3};
        HaField f = HaField.ofBinary("b", v);
        v[0] = 9;
        assertEquals(1, f.value()[0]);
        f.value()[1] = 9;
        assertEquals(2, f.value()[1]);
    }

    @Test
    void withoutRemovesOnlyThatField() {
        HaMessage m = HaMessage.builder().add("t", "x").add("auth", "1 ab").build();
        assertEquals(List.of("t"), m.without("auth").fields().stream().map(HaField::name).toList());
        assertSame(m, m.without("nope"));
        assertFalse(m.without("auth").has("auth"));
    }

    @Test
    void equalityIsByFieldsInOrder() {
        HaMessage a = HaMessage.builder().add("x", "1").add("y", "2").build();
        HaMessage b = HaMessage.builder().add("x", "1").add("y", "2").build();
        HaMessage c = HaMessage.builder().add("y", "2").add("x", "1").build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(c));
    }
}
