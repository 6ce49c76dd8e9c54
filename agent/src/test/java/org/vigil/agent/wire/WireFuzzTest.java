package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: random messages round-trip, and random or mutated frames only ever give
 * a typed rejection or a valid message, never an exception. Deterministic (fixed seeds), no sleeps.
 */
class WireFuzzTest {

    private static final AuthKeys KEYS = new AuthKeys(Map.of(
            1, AuthKey.of(AuthMethod.SHA1, "fuzz-sha1"),
            2, AuthKey.of(AuthMethod.MD5, "fuzz-md5"),
            3, AuthKey.of(AuthMethod.SHA256, "fuzz-sha256")), 1);
    private static final WireDecoder DECODER = new WireDecoder(KEYS, 4096);

    static HaMessage randomMessage(Random rnd) {
        HaMessage.Builder b = HaMessage.builder().add("t", rnd.nextBoolean() ? "status" : "NS_ackmsg");
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            String name = "f" + i + (char) ('a' + rnd.nextInt(26));
            if (rnd.nextInt(3) == 0) {
                byte[] v = new byte[1 + rnd.nextInt(40)];
                rnd.nextBytes(v);
                b.addBinary(name, v);
            } else {
                StringBuilder s = new StringBuilder();
                int len = 1 + rnd.nextInt(30);
                for (int j = 0; j < len; j++) {
                    // printable ASCII plus newline, '=', ',' and ':' which the framings use
                    s.append(rnd.nextInt(10) == 0 ? '\n' : (char) (0x20 + rnd.nextInt(0x5f)));
                }
                b.add(name, s.toString());
            }
        }
        return b.build();
    }

    private static WireEncoder encoderFor(Random rnd) {
        int index = 1 + rnd.nextInt(3);
        return new WireEncoder(new AuthKeys(Map.of(
                1, AuthKey.of(AuthMethod.SHA1, "fuzz-sha1"),
                2, AuthKey.of(AuthMethod.MD5, "fuzz-md5"),
                3, AuthKey.of(AuthMethod.SHA256, "fuzz-sha256")), index));
    }

    @Test
    void randomMessagesRoundTripInBothFramings() {
        Random rnd = new Random(0x5eed1L);
        for (int i = 0; i < 2000; i++) {
            HaMessage m = randomMessage(rnd);
            WireEncoder enc = encoderFor(rnd);
            HaMessage expected = enc.withInnerAuth(m);
            for (byte[] frame : new byte[][] {enc.encodeNetstring(m), enc.encodeClassic(m, rnd.nextBoolean())}) {
                DecodeResult r = DECODER.decode(frame);
                DecodeResult.Accepted a = assertInstanceOf(DecodeResult.Accepted.class, r, r::toString);
                assertEquals(expected, a.message());
            }
        }
    }

    @Test
    void mutatedSignedFramesAreRejectedNeverThrow() {
        Random rnd = new Random(0xF022L);
        Map<DropReason, Integer> seen = new EnumMap<>(DropReason.class);
        for (int i = 0; i < 6000; i++) {
            WireEncoder enc = encoderFor(rnd);
            HaMessage m = randomMessage(rnd);
            byte[] original = rnd.nextBoolean() ? enc.encodeNetstring(m) : enc.encodeClassic(m, true);
            byte[] mutated = mutate(rnd, original);
            DecodeResult r = decodeSafely(mutated);
            if (r instanceof DecodeResult.Accepted) {
                // Only an unchanged frame may pass (the classic NUL is optional, so cutting just
                // that is harmless); every real mutation must be caught.
                boolean nulCut = original[original.length - 1] == 0
                        && Arrays.equals(mutated, Arrays.copyOf(original, original.length - 1));
                if (!nulCut) {
                    assertArrayEquals(original, mutated, "mutation accepted");
                }
            } else {
                seen.merge(((DecodeResult.Rejected) r).reason(), 1, Integer::sum);
            }
        }
        // The mutators must actually reach the interesting rejection paths.
        for (DropReason expected : new DropReason[] {DropReason.TRUNCATED, DropReason.BAD_AUTH,
                DropReason.BAD_LENGTH, DropReason.DUPLICATE_FIELD, DropReason.MISSING_TRAILER,
                DropReason.OVERSIZED, DropReason.TRAILING_DATA}) {
            assertTrue(seen.containsKey(expected), "never saw " + expected + ": " + seen);
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random rnd = new Random(0xBADL);
        String[] prefixes = {"", "###\n", ">>>\n", "###\n1", "###\n9:(", ">>>\n(1)"};
        for (int i = 0; i < 6000; i++) {
            byte[] junk = new byte[rnd.nextInt(200)];
            rnd.nextBytes(junk);
            if (rnd.nextBoolean()) {
                // bias towards framing bytes so parsers get past their first check
                byte[] alphabet = "0123456789:,()=\n#%<>a".getBytes(StandardCharsets.US_ASCII);
                for (int j = 0; j < junk.length; j++) {
                    junk[j] = alphabet[rnd.nextInt(alphabet.length)];
                }
            }
            byte[] p = prefixes[rnd.nextInt(prefixes.length)].getBytes(StandardCharsets.US_ASCII);
            byte[] frame = concat(p, junk);
            assertInstanceOf(DecodeResult.Rejected.class, decodeSafely(frame));
            DecodeResult raw = parseSafely(frame);
            if (raw instanceof DecodeResult.Accepted a) {
                // whatever parses must be a valid message that survives re-encoding
                byte[] again = NetstringCodec.encodeBody(a.message());
                DecodeResult back = parseSafely(again);
                assertEquals(a.message(), assertInstanceOf(DecodeResult.Accepted.class, back).message());
            }
        }
    }

    private static DecodeResult decodeSafely(byte[] frame) {
        try {
            DecodeResult r = DECODER.decode(frame);
            assertNotNull(r);
            return r;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("decoder threw on " + show(frame), e);
        }
    }

    private static DecodeResult parseSafely(byte[] frame) {
        try {
            DecodeResult r = WireDecoder.parseUnauthenticated(frame, 0, frame.length, 4096);
            assertNotNull(r);
            return r;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("parser threw on " + show(frame), e);
        }
    }

    private static String show(byte[] frame) {
        return new String(frame, StandardCharsets.ISO_8859_1).replace("\n", "\\n");
    }

    /** One random mutation of a valid frame. */
    static byte[] mutate(Random rnd, byte[] f) {
        switch (rnd.nextInt(8)) {
            case 0: // truncation
                return Arrays.copyOf(f, rnd.nextInt(f.length));
            case 1: { // 1..3 byte flips
                byte[] g = f.clone();
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    g[rnd.nextInt(g.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return g;
            }
            case 2: // length-prefix inflation (netstring) or line drop (classic)
                return inflateLength(rnd, f);
            case 3: // duplicate a field
                return duplicateField(rnd, f);
            case 4: // append garbage
                return concat(f, randomBytes(rnd, 1 + rnd.nextInt(8)));
            case 5: // insert a byte
            {
                int at = rnd.nextInt(f.length + 1);
                return concat(concat(Arrays.copyOf(f, at), randomBytes(rnd, 1)),
                        Arrays.copyOfRange(f, at, f.length));
            }
            case 6: // drop the trailer / everything after the end marker
                return Arrays.copyOf(f, Math.max(0, lastIndexOf(f, "%%%\n") + 4));
            default: // oversize: pad beyond the 4 KiB limit
                return concat(f, new byte[4096]);
        }
    }

    private static byte[] inflateLength(Random rnd, byte[] f) {
        String s = new String(f, StandardCharsets.ISO_8859_1);
        int colon = s.indexOf(':', 4 + rnd.nextInt(Math.max(1, s.length() - 4)));
        if (colon < 0) {
            colon = s.indexOf(':');
        }
        if (colon < 0) {
            return f;
        }
        int start = colon;
        while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
            start--;
        }
        String[] lies = {"999999999", "99999", Integer.toString(f.length), "0", "1"};
        String out = s.substring(0, start) + lies[rnd.nextInt(lies.length)] + s.substring(colon);
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] duplicateField(Random rnd, byte[] f) {
        String s = new String(f, StandardCharsets.ISO_8859_1);
        if (s.startsWith(">>>\n")) {
            int a = s.indexOf('\n') + 1;
            int b = s.indexOf('\n', a) + 1;
            return (s.substring(0, b) + s.substring(a, b) + s.substring(b))
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        // netstring: the first field is "len:(0)t=...,"; repeat it
        int colon = s.indexOf(':', 4);
        int len = Integer.parseInt(s.substring(4, colon));
        int end = colon + 1 + len + 1;
        return (s.substring(0, end) + s.substring(4, end) + s.substring(end))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int lastIndexOf(byte[] f, String marker) {
        return new String(f, StandardCharsets.ISO_8859_1).lastIndexOf(marker);
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
