package org.vigil.agent.config;

import java.util.Locale;
import java.util.Optional;

/** The authkeys methods: Heartbeat's three, plus HMAC-SHA256 for clusters of Vigil nodes only. */
public enum AuthAlgorithm {
    /** CRC-32: detects corruption, authenticates nothing. Takes no key. */
    CRC(false),
    /** HMAC-MD5. */
    MD5(true),
    /** HMAC-SHA1: the strongest method a Heartbeat 3.0.6 peer understands. */
    SHA1(true),
    /** HMAC-SHA256: Vigil's own; Heartbeat nodes cannot verify it. */
    SHA256(true);

    private final boolean needsKey;

    AuthAlgorithm(boolean needsKey) {
        this.needsKey = needsKey;
    }

    public boolean needsKey() {
        return needsKey;
    }

    /** The name written in authkeys. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuthAlgorithm> fromKeyword(String word) {
        for (AuthAlgorithm a : values()) {
            if (a.keyword().equals(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
