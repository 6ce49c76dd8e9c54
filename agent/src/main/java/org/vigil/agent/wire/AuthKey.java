package org.vigil.agent.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One authkeys entry's method and secret. The secret never appears in {@link #toString()}, and
 * {@link #equals} is identity-based so that a key cannot leak through a failed test assertion.
 */
public final class AuthKey {

    private final AuthMethod method;
    private final byte[] secret;

    private AuthKey(AuthMethod method, byte[] secret) {
        this.method = Objects.requireNonNull(method, "method");
        this.secret = secret;
    }

    /** A {@code crc} key (no secret). */
    public static AuthKey crc() {
        return new AuthKey(AuthMethod.CRC, new byte[0]);
    }

    /**
     * A keyed method with the authkeys word as its secret (its ASCII/UTF-8 bytes are the HMAC key,
     * as Heartbeat uses them).
     *
     * @throws IllegalArgumentException for crc with a secret, or a keyed method without one
     */
    public static AuthKey of(AuthMethod method, String secret) {
        Objects.requireNonNull(method, "method");
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (method.requiresKey() && bytes.length == 0) {
            throw new IllegalArgumentException("auth method " + method.wireName()
                    + " requires a key");
        }
        if (!method.requiresKey() && bytes.length > 0) {
            throw new IllegalArgumentException("auth method " + method.wireName()
                    + " doesn't use a key");
        }
        return new AuthKey(method, bytes);
    }

    public AuthMethod method() {
        return method;
    }

    /** The digest of {@code data} under this key, as wire text. */
    public String digest(byte[] data) {
        return method.digest(secret, data);
    }

    @Override
    public String toString() {
        return "AuthKey[" + method.wireName() + (method.requiresKey() ? ", secret=***]" : "]");
    }
}
