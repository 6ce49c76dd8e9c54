package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign with every method in both framings, verify, and check every single-bit flip is caught. */
class AuthCrossCheckTest {

    private static AuthKey keyFor(AuthMethod m) {
        return m.requiresKey() ? AuthKey.of(m, "key-for-" + m.wireName()) : AuthKey.crc();
    }

    private static void assertSignsAndDetectsEveryFlip(AuthKeys keys, Function<HaMessage, byte[]> encode) {
        WireDecoder decoder = new WireDecoder(keys);
        byte[] frame = encode.apply(CodecRoundTripTest.tricky());
        DecodeResult ok = decoder.decode(frame);
        DecodeResult.Accepted a = assertInstanceOf(DecodeResult.Accepted.class, ok, ok::toString);
        assertEquals(keys.activeIndex(), a.keyIndex());
        for (int i = 0; i < frame.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = frame.clone();
                bad[i] ^= (byte) (1 << bit);
                DecodeResult r = decoder.decode(bad);
                assertInstanceOf(DecodeResult.Rejected.class, r,
                        "flip of bit " + bit + " at byte " + i + " accepted");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AuthMethod.class)
    void netstringSignVerifyAndTamper(AuthMethod method) {
        AuthKeys keys = AuthKeys.single(5, keyFor(method));
        assertSignsAndDetectsEveryFlip(keys, new WireEncoder(keys)::encodeNetstring);
    }

    @ParameterizedTest
    @EnumSource(AuthMethod.class)
    void classicSignVerifyAndTamper(AuthMethod method) {
        AuthKeys keys = AuthKeys.single(0, keyFor(method));
        WireEncoder encoder = new WireEncoder(keys);
        assertSignsAndDetectsEveryFlip(keys, m -> encoder.encodeClassic(m, true));
    }

    @ParameterizedTest
    @EnumSource(AuthMethod.class)
    void sameIndexDifferentMethodIsRejected(AuthMethod method) {
        AuthMethod other = method == AuthMethod.SHA1 ? AuthMethod.MD5 : AuthMethod.SHA1;
        byte[] frame = new WireEncoder(AuthKeys.single(1, keyFor(method)))
                .encodeNetstring(CodecRoundTripTest.tricky());
        DecodeResult r = new WireDecoder(AuthKeys.single(1, keyFor(other))).decode(frame);
        assertEquals(DropReason.BAD_AUTH, assertInstanceOf(DecodeResult.Rejected.class, r).reason());
    }

    /**
     * Rollover: a node that already sends with the new key (index 2) and one still on the old key
     * (index 1) both keep hearing each other while both keys are configured. Heartbeat 3.0 fails
     * exactly this step.
     */
    @Test
    void verifierAcceptsEveryConfiguredIndex() {
        AuthKey oldKey = AuthKey.of(AuthMethod.SHA1, "old");
        AuthKey newKey = AuthKey.of(AuthMethod.SHA256, "new");
        AuthKeys switched = new AuthKeys(Map.of(1, oldKey, 2, newKey), 2);
        AuthKeys notYet = new AuthKeys(Map.of(1, oldKey, 2, newKey), 1);
        HaMessage m = StatusPacketLayoutTest.exampleStatus();

        DecodeResult fromNotYet = new WireDecoder(switched).decode(new WireEncoder(notYet).encodeNetstring(m));
        DecodeResult fromSwitched = new WireDecoder(notYet).decode(new WireEncoder(switched).encodeNetstring(m));
        assertEquals(1, assertInstanceOf(DecodeResult.Accepted.class, fromNotYet).keyIndex());
        assertEquals(2, assertInstanceOf(DecodeResult.Accepted.class, fromSwitched).keyIndex());

        // Once the old key is removed, its packets are refused with a countable reason.
        AuthKeys done = AuthKeys.single(2, newKey);
        DecodeResult stale = new WireDecoder(done).decode(new WireEncoder(notYet).encodeNetstring(m));
        assertEquals(DropReason.UNKNOWN_KEY_INDEX,
                assertInstanceOf(DecodeResult.Rejected.class, stale).reason());
    }
}
