package org.vigil.agent.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One key line of authkeys. The secret is kept as bytes and never appears in
 * {@link #toString()}, a diagnostic or a log line.
 */
public final class AuthKey {

    private final int index;
    private final AuthAlgorithm algorithm;
    private final byte[] secret;

    public AuthKey(int index, AuthAlgorithm algorithm, String secret) {
        this.index = index;
        this.algorithm = algorithm;
        this.secret = secret.getBytes(StandardCharsets.US_ASCII);
    }

    public int index() {
        return index;
    }

    public AuthAlgorithm algorithm() {
        return algorithm;
    }

    /** A copy of the key bytes (ASCII, as Heartbeat uses them). */
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthKey k && k.index == index && k.algorithm == algorithm && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + algorithm.hashCode()) + Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "AuthKey[" + index + " " + algorithm.keyword() + (secret.length > 0 ? " <secret>" : "") + "]";
    }
}
