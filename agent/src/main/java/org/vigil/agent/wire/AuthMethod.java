package org.vigil.agent.wire;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The message authentication methods of authkeys. {@code crc}, {@code md5} and {@code sha1} are
 * Heartbeat's; {@code sha256} (HMAC-SHA256) is Vigil's own and only Vigil peers understand it.
 */
public enum AuthMethod {
    /** Corruption check only: anyone can forge it. Heartbeat-compatible; needs no key. */
    CRC("crc", null),
    /** HMAC-MD5 (RFC 2104), lowercase hex. */
    MD5("md5", "HmacMD5"),
    /** HMAC-SHA1 (RFC 2104), lowercase hex. */
    SHA1("sha1", "HmacSHA1"),
    /** HMAC-SHA256 (RFC 4231), lowercase hex. Vigil only: a Heartbeat peer drops such packets. */
    SHA256("sha256", "HmacSHA256");

    private final String wireName;
    private final String macAlgorithm;

    AuthMethod(String wireName, String macAlgorithm) {
        this.wireName = wireName;
        this.macAlgorithm = macAlgorithm;
    }

    /** The name used in authkeys ({@code crc}, {@code md5}, {@code sha1}, {@code sha256}). */
    public String wireName() {
        return wireName;
    }

    /** Whether the method needs a secret; Heartbeat rejects a key on a crc line. */
    public boolean requiresKey() {
        return macAlgorithm != null;
    }

    /** The method for an authkeys name, case-insensitively. */
    public static Optional<AuthMethod> fromWireName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (AuthMethod m : values()) {
            if (m.wireName.equals(n)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The digest of {@code data} in the text form that travels on the wire.
     *
     * @param secret the key bytes (ignored for crc; must be non-empty otherwise)
     */
    public String digest(byte[] secret, byte[] data) {
        if (macAlgorithm == null) {
            return HeartbeatCrc.hex(data);
        }
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException(wireName + " requires a key");
        }
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(secret, macAlgorithm));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide these MACs; reaching here is a broken JRE.
            throw new IllegalStateException(macAlgorithm + " unavailable", e);
        }
    }
}
