package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.vigil.agent.config.DiagnosticAssertions.assertHas;
import static org.vigil.agent.config.DiagnosticAssertions.assertNone;
import static org.vigil.agent.config.DiagnosticAssertions.assertNoneContaining;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthKeysParserTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private AuthKeys parse(String text) {
        return AuthKeysParser.parse("authkeys", text, diagnostics);
    }

    private List<Diagnostic> found() {
        return diagnostics.sorted();
    }

    @Test
    void parse_sha1_isActiveAndClean() {
        AuthKeys keys = parse("auth 2\n2 sha1 s3cret\n");
        assertEquals(2, keys.activeIndex());
        assertEquals(AuthAlgorithm.SHA1, keys.active().orElseThrow().algorithm());
        assertEquals("s3cret", new String(keys.active().orElseThrow().secret(), StandardCharsets.US_ASCII));
        assertEquals(List.of(), found());
    }

    @Test
    void parse_crcActive_warnsItAuthenticatesNothing() {
        parse("auth 1\n1 crc\n");
        assertHas(found(), Severity.WARNING, 2, "auth method [crc] authenticates nothing");
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_keyForCrcOrMissingKeyForHmac_isAnError() {
        parse("auth 1\n1 crc abc\n2 md5\n3 sha1 two words\n");
        assertHas(found(), Severity.ERROR, 2, "auth method [crc] does not use a key");
        assertHas(found(), Severity.ERROR, 3, "auth method [md5] requires a key");
        assertHas(found(), Severity.ERROR, 4, "contains blanks");
    }

    @Test
    void parse_missingAuthOrUndefinedIndex_isAnError() {
        parse("1 sha1 k\n");
        assertHas(found(), Severity.ERROR, 0, "missing auth directive");
        Diagnostics other = new Diagnostics();
        AuthKeysParser.parse("authkeys", "auth 3\n1 sha1 k\n", other);
        assertHas(other.sorted(), Severity.ERROR, 1, "auth key [3] not found");
    }

    @Test
    void parse_badIndexOrMethod_suggestsTheFix() {
        parse("auth 16\n16 sha1 k\n1 sha2 k\n");
        assertHas(found(), Severity.ERROR, 1, "auth needs one key index from 0 to 15");
        assertHas(found(), Severity.ERROR, 2, "key index [16] is out of range");
        Diagnostic d = assertHas(found(), Severity.ERROR, 3, "invalid auth method [sha2]");
        assertEquals("did you mean sha1?", d.suggestion());
    }

    @Test
    void parse_authAfterItsKeyLine_warnsHeartbeatWouldFail() {
        parse("1 sha1 k\nauth 1\n");
        assertHas(found(), Severity.WARNING, 2, "auth 1 comes after its key line 1");
    }

    @Test
    void parse_quotedKey_warnsQuotesArePartOfTheKey_withoutPrintingIt() {
        AuthKeys keys = parse("auth 1\n1 md5 \"123456\"\n");
        assertHas(found(), Severity.WARNING, 2, "written in quotes");
        assertNoneContaining(found(), "123456");
        assertEquals("\"123456\"", new String(keys.active().orElseThrow().secret(), StandardCharsets.US_ASCII));
    }

    @Test
    void parse_inactiveCrcKey_warnsItIsStillAccepted() {
        parse("auth 1\n1 sha1 k\n2 crc\n");
        assertHas(found(), Severity.WARNING, 3, "key 2 (crc) is not used for sending");
    }

    @Test
    void diagnosticsAndToString_neverContainTheSecret() {
        String secret = "Zq9-very-secret";
        AuthKeys keys = parse("auth 1\n1 sha1 " + secret + "\n1 sha1 " + secret + " extra\n2 crc " + secret + "\n");
        assertFalse(keys.toString().contains(secret));
        assertFalse(keys.active().orElseThrow().toString().contains(secret));
        assertNoneContaining(found(), secret);
    }

    @Test
    void parse_sha256_isAcceptedWithANoteAboutHeartbeatPeers() {
        AuthKeys keys = parse("auth 1\n1 sha256 k\n");
        assertEquals(AuthAlgorithm.SHA256, keys.active().orElseThrow().algorithm());
        assertHas(found(), Severity.NOTE, 2, "sha256 is Vigil's own method");
    }
}
