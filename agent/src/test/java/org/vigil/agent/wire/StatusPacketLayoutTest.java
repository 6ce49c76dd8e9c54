package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Builds the status packet of the reference's section 3 example and compares it byte for byte with
 * a frame assembled by hand, with digests computed straight from javax.crypto (not through
 * {@link AuthMethod}), so the framing and the signing are each checked independently.
 */
class StatusPacketLayoutTest {

    private static final String KEY = "s3cr3t-key";
    private static final byte[] UUID = HexFormat.of().parseHex("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    private static final String LD = "0.11 0.16 0.17 2/91 20001";

    static HaMessage exampleStatus() {
        NodeIdentity nodea = new NodeIdentity("nodea", UUID, 0x6b03f789L);
        return new DefaultFields(nodea, 3)
                .apply(ControlMessages.status("up", 6000), 3, 0x6b03f788L, LD, null);
    }

    private static String hmacSha1(byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(data));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void statusPacketMatchesHeartbeat306Layout() throws Exception {
        String classic = "t=status\nst=up\ndt=1770\nprotocol=1\nsrc=nodea\n(1)srcuuid="
                + Base64.getEncoder().encodeToString(UUID)
                + "\nseq=3\nhg=6b03f789\nts=6b03f788\nld=" + LD + "\nttl=3\n";
        String inner = hmacSha1(ascii(classic));

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("###\n11:(0)t=status,8:(0)st=up,10:(0)dt=1770,13:(0)protocol=1,"
                + "12:(0)src=nodea,27:(1)srcuuid="));
        body.writeBytes(UUID);
        body.writeBytes(ascii(",8:(0)seq=3,14:(0)hg=6b03f789,14:(0)ts=6b03f788,31:(0)ld=" + LD
                + ",8:(0)ttl=3,50:(0)auth=2 " + inner + ",%%%\n"));
        byte[] signedPart = body.toByteArray();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(signedPart);
        expected.writeBytes(ascii("42:2 " + hmacSha1(signedPart) + ","));

        WireEncoder encoder = new WireEncoder(AuthKeys.single(2, AuthKey.of(AuthMethod.SHA1, KEY)));
        byte[] actual = encoder.encodeNetstring(exampleStatus());

        assertArrayEquals(expected.toByteArray(), actual);
        // The lab saw 305..312-byte status packets; this one has short values, so it is near 305.
        assertTrue(actual.length >= 300 && actual.length <= 312, "length " + actual.length);
        // Trailer: "42:" + "2 " + 40 hex + "," = 46 bytes, right after "%%%\n".
        String tail = new String(actual, actual.length - 50, 50, StandardCharsets.ISO_8859_1);
        assertTrue(tail.startsWith("%%%\n42:2 ") && tail.endsWith(","), tail);
    }

    @Test
    void innerAuthIsOverClassicTextWithoutMarkers() throws Exception {
        WireEncoder encoder = new WireEncoder(AuthKeys.single(2, AuthKey.of(AuthMethod.SHA1, KEY)));
        HaMessage signed = encoder.withInnerAuth(exampleStatus());
        assertEquals("auth", signed.fields().get(signed.size() - 1).name(), "auth is last");
        byte[] text = ClassicCodec.body(exampleStatus());
        assertEquals("2 " + hmacSha1(text), signed.string("auth").orElseThrow());
        String s = new String(text, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("t=status\n") && s.endsWith("ttl=3\n"), s);
    }

    @Test
    void classicUdpFrameEndsWithNul() {
        WireEncoder encoder = new WireEncoder(AuthKeys.single(1, AuthKey.crc()));
        byte[] frame = encoder.encodeClassic(exampleStatus(), true);
        String s = new String(frame, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith(">>>\nt=status\nst=up\n"), s);
        assertTrue(s.endsWith("ttl=3\nauth=1 " + HeartbeatCrc.hex(ClassicCodec.body(exampleStatus()))
                + "\n<<<\n\0"), s);
    }
}
