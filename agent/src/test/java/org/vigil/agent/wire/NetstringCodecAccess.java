package org.vigil.agent.wire;

import java.nio.charset.StandardCharsets;

/** Test helper: builds trailer netstrings through the production code. */
final class NetstringCodecAccess {
    private NetstringCodecAccess() {
    }

    static String trailer(String token) {
        return new String(NetstringCodec.netstring(token), StandardCharsets.ISO_8859_1);
    }
}
