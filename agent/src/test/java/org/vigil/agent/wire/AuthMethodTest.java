package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuthMethodTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int n, int b) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) b);
        return a;
    }

    @Test
    void crcCheckValueIsCksumWithoutLength() {
        assertEquals(0x765e7680L, HeartbeatCrc.compute(ascii("123456789")));
        assertEquals("765e7680", AuthMethod.CRC.digest(null, ascii("123456789")));
    }

    @Test
    void crcOfNothingIsAllOnes() {
        // init 0, no bytes processed, final complement
        assertEquals("ffffffff", HeartbeatCrc.hex(new byte[0]));
    }

    @Test
    void crcIsPrintedWithoutZeroPadding() {
        for (int i = 0; ; i++) {
            byte[] data = ascii("probe-" + i);
            long crc = HeartbeatCrc.compute(data);
            if (crc < 0x10000000L) {
                String hex = HeartbeatCrc.hex(data);
                assertTrue(hex.length() < 8, hex);
                assertFalse(hex.startsWith("0"), hex);
                assertEquals(crc, Long.parseLong(hex, 16));
                return;
            }
        }
    }

    @Test
    void hmacMd5Rfc2202() {
        assertEquals("9294727a3638bb1c13f48ef8158bfc9d",
                AuthMethod.MD5.digest(filled(16, 0x0b), ascii("Hi There")));
        assertEquals("750c783e6ab0b503eaa86e310a5db738",
                AuthMethod.MD5.digest(ascii("Jefe"), ascii("what do ya want for nothing?")));
        assertEquals("6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd", AuthMethod.MD5.digest(filled(80, 0xaa),
                ascii("Test Using Larger Than Block-Size Key - Hash Key First")));
    }

    @Test
    void hmacSha1Rfc2202() {
        assertEquals("b617318655057264e28bc0b6fb378c8ef146be00",
                AuthMethod.SHA1.digest(filled(20, 0x0b), ascii("Hi There")));
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                AuthMethod.SHA1.digest(ascii("Jefe"), ascii("what do ya want for nothing?")));
        assertEquals("aa4ae5e15272d00e95705637ce8a3b55ed402112", AuthMethod.SHA1.digest(
                filled(80, 0xaa), ascii("Test Using Larger Than Block-Size Key - Hash Key First")));
    }

    @Test
    void hmacSha256Rfc4231() {
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                AuthMethod.SHA256.digest(filled(20, 0x0b), ascii("Hi There")));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                AuthMethod.SHA256.digest(ascii("Jefe"), ascii("what do ya want for nothing?")));
    }

    @Test
    void wireNames() {
        assertEquals(AuthMethod.SHA1, AuthMethod.fromWireName("SHA1").orElseThrow());
        assertEquals(AuthMethod.SHA256, AuthMethod.fromWireName("sha256").orElseThrow());
        assertTrue(AuthMethod.fromWireName("rot13").isEmpty());
        assertFalse(AuthMethod.CRC.requiresKey());
        assertTrue(AuthMethod.MD5.requiresKey());
    }

    @Test
    void keyRulesMatchAuthkeys() {
        assertThrows(IllegalArgumentException.class, () -> AuthKey.of(AuthMethod.SHA1, ""));
        assertThrows(IllegalArgumentException.class, () -> AuthKey.of(AuthMethod.CRC, "x"));
        assertEquals(AuthMethod.CRC, AuthKey.of(AuthMethod.CRC, null).method());
    }

    @Test
    void secretsNeverAppearInStrings() {
        AuthKey key = AuthKey.of(AuthMethod.SHA1, "hunter2secret");
        AuthKeys keys = AuthKeys.single(2, key);
        assertFalse(key.toString().contains("hunter2secret"), key.toString());
        assertFalse(keys.toString().contains("hunter2secret"), keys.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AuthKeys(java.util.Map.of(2, key), 3));
        assertFalse(e.getMessage().contains("hunter2secret"));
    }

    @Test
    void keyIndicesAreLimitedToAuthkeysRange() {
        AuthKey key = AuthKey.crc();
        assertThrows(IllegalArgumentException.class, () -> AuthKeys.single(16, key));
        assertThrows(IllegalArgumentException.class, () -> AuthKeys.single(-1, key));
        assertEquals(15, AuthKeys.single(15, key).activeIndex());
    }
}
