package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every rejection path yields the documented reason. */
class WireDecoderTest {

    private static final AuthKeys KEYS = AuthKeys.single(2, AuthKey.of(AuthMethod.SHA1, "k2"));
    private static final WireEncoder ENCODER = new WireEncoder(KEYS);
    private static final WireDecoder DECODER = new WireDecoder(KEYS);
    private static final HaMessage MSG = StatusPacketLayoutTest.exampleStatus();

    private static DropReason reject(byte[] frame) {
        return reject(DECODER, frame);
    }

    private static DropReason reject(WireDecoder decoder, byte[] frame) {
        DecodeResult r = decoder.decode(frame);
        DecodeResult.Rejected rej = assertInstanceOf(DecodeResult.Rejected.class, r);
        assertFalse(rej.detail().isEmpty());
        return rej.reason();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A netstring frame with a correct trailer over whatever body is given. */
    private static byte[] signedBody(String body) {
        byte[] b = ascii(body);
        return ascii(body + NetstringCodecAccess.trailer(KEYS.sign(b)));
    }

    @Test
    void emptyAndUnknownFraming() {
        assertEquals(DropReason.EMPTY, reject(new byte[0]));
        assertEquals(DropReason.UNKNOWN_FRAMING, reject(ascii("hello")));
        assertEquals(DropReason.UNKNOWN_FRAMING, reject(ascii("##")));
    }

    @Test
    void oversizedIsCheckedFirstAndConfigurable() {
        byte[] frame = ENCODER.encodeNetstring(MSG);
        assertEquals(DropReason.OVERSIZED, reject(new WireDecoder(KEYS, frame.length - 1), frame));
        assertEquals(true, new WireDecoder(KEYS, frame.length).decode(frame).isAccepted());
        byte[] huge = new byte[WireDecoder.DEFAULT_MAX_FRAME_BYTES + 1];
        assertEquals(DropReason.OVERSIZED, reject(huge));
    }

    @Test
    void truncationAnywhereIsRejected() {
        byte[] frame = ENCODER.encodeNetstring(MSG);
        for (int len = 1; len < frame.length; len++) {
            DecodeResult r = DECODER.decode(Arrays.copyOf(frame, len));
            assertInstanceOf(DecodeResult.Rejected.class, r, "length " + len);
        }
        int bodyEnd = frame.length - 46;
        assertEquals(DropReason.MISSING_TRAILER, reject(Arrays.copyOf(frame, bodyEnd)));
        assertEquals(DropReason.TRUNCATED, reject(Arrays.copyOf(frame, bodyEnd - 2)));
        assertEquals(DropReason.TRUNCATED, reject(Arrays.copyOf(frame, 30)));

        byte[] classic = ENCODER.encodeClassic(MSG, true);
        assertEquals(DropReason.TRUNCATED, reject(Arrays.copyOf(classic, classic.length - 3)));
    }

    @Test
    void badNetstringLengths() {
        assertEquals(DropReason.BAD_LENGTH, reject(ascii("###\nx:(0)t=a,%%%\n")));
        // length 5 ends inside the field: the byte after it is 'a', not ','
        assertEquals(DropReason.BAD_LENGTH, reject(ascii("###\n5:(0)t=a,%%%\n")));
        assertEquals(DropReason.BAD_LENGTH, reject(ascii("###\n:(0)t=a,%%%\n")));
        assertEquals(DropReason.BAD_LENGTH, reject(ascii("###\n1234567890:(0)t=a,%%%\n")));
        // a lying length larger than the frame: no allocation, just a rejection
        assertEquals(DropReason.TRUNCATED, reject(ascii("###\n99999999:(0)t=a,%%%\n")));
        assertEquals(DropReason.TRUNCATED, reject(ascii("###\n20:(0)t=a,%%%\n")));
    }

    @Test
    void malformedFields() {
        assertEquals(DropReason.MALFORMED, reject(signedBody("###\n6:(0)t=a,7:(0)noeq,%%%\n")));
        assertEquals(DropReason.MALFORMED, reject(signedBody("###\n6:(0)t=a,5:(0)x=,%%%\n")));
        assertEquals(DropReason.MALFORMED, reject(signedBody("###\n6:(9)t=a,%%%\n")));
        assertEquals(DropReason.MALFORMED, reject(signedBody("###\n6:(x)t=a,%%%\n")));
        assertEquals(DropReason.MALFORMED, reject(signedBody("###\n5:(0)=a,%%%\n")));
        assertEquals(DropReason.MALFORMED, reject(ascii(">>>\n(1)u=!!!\nauth=2 00\n<<<\n")));
        assertEquals(DropReason.MALFORMED, reject(ascii(">>>\nt=a\0b\nauth=2 00\n<<<\n")));
    }

    @Test
    void duplicateFields() {
        assertEquals(DropReason.DUPLICATE_FIELD, reject(signedBody("###\n6:(0)t=a,6:(0)t=b,%%%\n")));
        assertEquals(DropReason.DUPLICATE_FIELD, reject(ascii(">>>\nt=a\nt=a\n<<<\n")));
    }

    @Test
    void trailingData() {
        byte[] frame = ENCODER.encodeNetstring(MSG);
        assertEquals(DropReason.TRAILING_DATA, reject(Arrays.copyOf(frame, frame.length + 1)));
        byte[] classic = ENCODER.encodeClassic(MSG, true);
        assertEquals(DropReason.TRAILING_DATA, reject(Arrays.copyOf(classic, classic.length + 1)));
    }

    @Test
    void authenticationFailures() {
        assertEquals(DropReason.UNAUTHENTICATED, reject(ascii(">>>\nt=a\n<<<\n")));
        assertEquals(DropReason.MALFORMED_AUTH, reject(ascii(">>>\nt=a\nauth=x 00\n<<<\n")));
        assertEquals(DropReason.MALFORMED_AUTH, reject(ascii(">>>\nt=a\nauth=2\n<<<\n")));
        assertEquals(DropReason.MALFORMED_AUTH, reject(ascii("###\n6:(0)t=a,%%%\n3:200,")));
        assertEquals(DropReason.UNKNOWN_KEY_INDEX, reject(ascii(">>>\nt=a\nauth=7 00\n<<<\n")));
        assertEquals(DropReason.BAD_AUTH, reject(ascii(">>>\nt=a\nauth=2 00\n<<<\n")));

        WireEncoder otherKey = new WireEncoder(AuthKeys.single(2, AuthKey.of(AuthMethod.SHA1, "no")));
        assertEquals(DropReason.BAD_AUTH, reject(otherKey.encodeNetstring(MSG)));
        assertEquals(DropReason.BAD_AUTH, reject(otherKey.encodeClassic(MSG, true)));
        WireEncoder otherIndex = new WireEncoder(AuthKeys.single(3, AuthKey.of(AuthMethod.SHA1, "k2")));
        assertEquals(DropReason.UNKNOWN_KEY_INDEX, reject(otherIndex.encodeNetstring(MSG)));
    }

    @Test
    void netstringIsVerifiedOnlyAgainstTheTrailer() {
        // A netstring frame whose inner auth field is garbage but whose trailer is right is
        // accepted, as Heartbeat does: the trailer covers the inner field anyway.
        byte[] frame = signedBody("###\n6:(0)t=a,15:(0)auth=9 bogus,%%%\n");
        assertEquals(true, DECODER.decode(frame).isAccepted());
    }

    @Test
    void digestComparisonIsExact() {
        // Heartbeat compares with strcmp and always sends lowercase; so do we.
        String classic = new String(ENCODER.encodeClassic(MSG, false), StandardCharsets.ISO_8859_1);
        int at = classic.indexOf("auth=2 ") + 7;
        String upper = classic.substring(0, at) + classic.substring(at).toUpperCase();
        assertEquals(DropReason.BAD_AUTH, reject(ascii(upper)));
        assertEquals(true, DECODER.decode(ascii(classic)).isAccepted());
    }

    @Test
    void maximumSizeFrameOfTinyFieldsDecodesInLinearTime() {
        // 256 KiB of "fNNNNN=v" lines: ~30,000 fields. A quadratic duplicate check would take
        // seconds here; the bound is generous so only that kind of regression trips it.
        StringBuilder sb = new StringBuilder(">>>\n");
        for (int i = 0; sb.length() < WireDecoder.DEFAULT_MAX_FRAME_BYTES - 64; i++) {
            sb.append('f').append(i).append("=v\n");
        }
        sb.append("auth=2 00\n<<<\n");
        byte[] frame = ascii(sb.toString());
        assertTimeout(Duration.ofSeconds(2), () -> assertEquals(DropReason.BAD_AUTH, reject(frame)));
    }
}
