package org.vigil.agent.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * Test helper: the minimum of /etc/ha.d/authkeys needed to verify captured packets ({@code auth N}
 * and {@code N method [key]} lines, {@code #} comments). The real parser, with Heartbeat's
 * checks and messages, belongs to the configuration package.
 */
final class AuthkeysFixture {

    private AuthkeysFixture() {
    }

    static AuthKeys parse(String text) {
        Map<Integer, AuthKey> keys = new HashMap<>();
        Integer active = null;
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split("\\s+");
            if (w[0].equals("auth")) {
                active = Integer.parseInt(w[1]);
            } else {
                AuthMethod m = AuthMethod.fromWireName(w[1])
                        .orElseThrow(() -> new IllegalArgumentException("Invalid authtype"));
                keys.put(Integer.parseInt(w[0]), m.requiresKey() ? AuthKey.of(m, w[2]) : AuthKey.crc());
            }
        }
        if (active == null) {
            throw new IllegalArgumentException("Missing auth directive");
        }
        return new AuthKeys(keys, active);
    }
}
