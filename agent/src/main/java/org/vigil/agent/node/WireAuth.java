package org.vigil.agent.node;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.vigil.agent.config.AuthAlgorithm;
import org.vigil.agent.wire.AuthKey;
import org.vigil.agent.wire.AuthKeys;
import org.vigil.agent.wire.AuthMethod;

/** Turns the parsed authkeys file into the codec's keys. */
final class WireAuth {

    private WireAuth() {
    }

    static AuthKeys from(org.vigil.agent.config.AuthKeys config) {
        Map<Integer, AuthKey> keys = new HashMap<>();
        config.keys().forEach((index, key) -> keys.put(index, key.algorithm() == AuthAlgorithm.CRC ? AuthKey.crc()
                : AuthKey.of(method(key.algorithm()), new String(key.secret(), StandardCharsets.US_ASCII))));
        return new AuthKeys(keys, config.activeIndex());
    }

    private static AuthMethod method(AuthAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> AuthMethod.MD5;
            case SHA1 -> AuthMethod.SHA1;
            case SHA256 -> AuthMethod.SHA256;
            case CRC -> AuthMethod.CRC;
        };
    }
}
