package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFieldsTest {

    private static final byte[] UUID = new byte[16];
    private static final byte[] PEER_UUID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private final DefaultFields defaults =
            new DefaultFields(new NodeIdentity("nodea", UUID, 0x6b03f789L), 4);

    private static List<String> names(HaMessage m) {
        return m.fields().stream().map(HaField::name).toList();
    }

    @Test
    void statusGetsAllDefaultsInHeartbeatOrder() {
        HaMessage m = defaults.apply(ControlMessages.status("active", 30_000), 0x1a, 0x6b03f788L,
                "0.00 0.01 0.05 1/80 123", null);
        assertEquals(List.of("t", "st", "dt", "protocol", "src", "srcuuid", "seq", "hg", "ts", "ld",
                "ttl"), names(m));
        assertEquals("7530", m.string("dt").orElseThrow());
        assertEquals("1a", m.string("seq").orElseThrow());
        assertEquals("6b03f789", m.string("hg").orElseThrow());
        assertEquals("6b03f788", m.string("ts").orElseThrow());
        assertEquals("4", m.string("ttl").orElseThrow());
        assertEquals("1", m.string("protocol").orElseThrow());
        assertArrayEquals(UUID, m.binary("srcuuid").orElseThrow());
    }

    @Test
    void controlMessagesGetNoSeqNoLoadAndDestUuidFirst() {
        HaMessage m = defaults.apply(ControlMessages.rexmit("nodeb", 10, 12), 99, 5, "ld", PEER_UUID);
        assertEquals(List.of("t", "dest", "firstseq", "lastseq", "destuuid", "src", "srcuuid", "hg",
                "ts", "ttl"), names(m));
        assertEquals("10", m.string("firstseq").orElseThrow(), "NS_rexmit seqs are decimal");
        assertEquals("12", m.string("lastseq").orElseThrow());
        assertArrayEquals(PEER_UUID, m.binary("destuuid").orElseThrow());
    }

    @Test
    void ackAndNakUseHex() {
        HaMessage ack = ControlMessages.ackmsg("nodeb", 255);
        assertEquals("ff", ack.string("ackseq").orElseThrow());
        HaMessage nak = ControlMessages.nakRexmit("nodeb", 26, "seqno not found");
        assertEquals("1a", nak.string("firstseq").orElseThrow());
        assertEquals("seqno not found", nak.string("info").orElseThrow());
    }

    @Test
    void unknownDestUuidIsOmittedAndMissingTypeRefused() {
        HaMessage m = defaults.apply(ControlMessages.ackmsg("nodeb", 1), 1, 1, null, null);
        assertEquals(List.of("t", "dest", "ackseq", "src", "srcuuid", "hg", "ts", "ttl"), names(m));
        HaMessage noType = HaMessage.builder().add("x", "y").build();
        assertThrows(IllegalArgumentException.class, () -> defaults.apply(noType, 1, 1, null, null));
    }

    @Test
    void identityValidatesUuidLength() {
        assertThrows(IllegalArgumentException.class, () -> new NodeIdentity("a", new byte[15], 1));
        assertThrows(IllegalArgumentException.class, () -> new NodeIdentity("", UUID, 1));
    }
}
