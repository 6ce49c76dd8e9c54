package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodecRoundTripTest {

    private static final AuthKeys KEYS = AuthKeys.single(1, AuthKey.of(AuthMethod.MD5, "k"));
    private static final WireEncoder ENCODER = new WireEncoder(KEYS);
    private static final WireDecoder DECODER = new WireDecoder(KEYS);

    /** A message exercising newlines, every byte value in binary, and an opaque struct field. */
    static HaMessage tricky() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return HaMessage.builder()
                .add("t", "ask_resources")
                .add("info", "two\nlines, with = and (1)")
                .add("nodelist", "nodea nodeb")
                .addBinary("blob", all)
                .add(new HaField("sub", FieldType.STRUCT, "opaque".getBytes(StandardCharsets.US_ASCII)))
                .build();
    }

    private static HaMessage accepted(DecodeResult r, Framing framing, int index) {
        DecodeResult.Accepted a = assertInstanceOf(DecodeResult.Accepted.class, r, r::toString);
        assertEquals(framing, a.framing());
        assertEquals(index, a.keyIndex());
        return a.message();
    }

    @Test
    void netstringRoundTrip() {
        HaMessage sent = tricky();
        HaMessage got = accepted(DECODER.decode(ENCODER.encodeNetstring(sent)), Framing.NETSTRING, 1);
        assertEquals(ENCODER.withInnerAuth(sent), got);
        assertEquals(sent, got.without("auth"));
        assertEquals("two\nlines, with = and (1)", got.string("info").orElseThrow());
    }

    @Test
    void classicRoundTripWithAndWithoutNul() {
        HaMessage sent = tricky();
        for (boolean nul : new boolean[] {true, false}) {
            byte[] frame = ENCODER.encodeClassic(sent, nul);
            assertEquals(nul, frame[frame.length - 1] == 0);
            HaMessage got = accepted(DECODER.decode(frame), Framing.CLASSIC, 1);
            assertEquals(ENCODER.withInnerAuth(sent), got);
        }
    }

    @Test
    void classicCarriesNewlineAs0x13AndBinaryAsBase64() {
        HaMessage m = HaMessage.builder().add("info", "a\nb").addBinary("u", new byte[] {1, 2, 3})
                .build();
        assertEquals("info=a\u0013b\n(1)u=AQID\n",
                new String(ClassicCodec.body(m), StandardCharsets.ISO_8859_1));
        assertArrayEquals(">>>\ninfo=a\u0013b\n(1)u=AQID\n<<<\n\0".getBytes(StandardCharsets.ISO_8859_1),
                ClassicCodec.encode(m, true));
    }

    @Test
    void netstringCarriesRawValuesWithTypePrefixes() {
        HaMessage m = HaMessage.builder().add("t", "x").addBinary("u", new byte[] {'\n', 0, ','})
                .build();
        assertArrayEquals("###\n6:(0)t=x,8:(1)u=\n\0,,%%%\n".getBytes(StandardCharsets.ISO_8859_1),
                NetstringCodec.encodeBody(m));
    }

    @Test
    void unauthenticatedParseReadsFifoText() {
        byte[] fifo = ">>>\nt=ask_resources\nrsc_hold=all\ninfo=me\n<<<\n"
                .getBytes(StandardCharsets.US_ASCII);
        HaMessage m = accepted(WireDecoder.parseUnauthenticated(fifo, 0, fifo.length, 1024),
                Framing.CLASSIC, -1);
        assertEquals("all", m.string("rsc_hold").orElseThrow());
        // ...but the network decoder insists on authentication.
        DecodeResult r = DECODER.decode(fifo);
        assertEquals(DropReason.UNAUTHENTICATED, ((DecodeResult.Rejected) r).reason());
    }

    @Test
    void decodeHonoursOffsetAndLength() {
        byte[] frame = ENCODER.encodeNetstring(tricky());
        byte[] padded = new byte[frame.length + 10];
        System.arraycopy(frame, 0, padded, 5, frame.length);
        assertTrue(DECODER.decode(padded, 5, frame.length).isAccepted());
    }

    @Test
    void opaqueValuesThatClassicCannotCarryAreRefused() {
        HaMessage m = HaMessage.builder()
                .add(new HaField("s", FieldType.LIST, new byte[] {'a', '\n'})).build();
        assertThrows(IllegalArgumentException.class, () -> ClassicCodec.encode(m, false));
        // netstring carries it fine
        assertTrue(NetstringCodec.encodeBody(m).length > 0);
    }
}
