package org.vigil.agent.wire;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Signs and frames outbound messages the way Heartbeat 3.0.6 does.
 *
 * <p>Signing adds the inner field {@code auth=<N> <hex>} as the last field, computed over the
 * classic text of the message without it (and without {@code >>>}/{@code <<<}). The netstring
 * frame then carries that field and adds a trailer over {@code ###\n} through {@code %%%\n}.
 */
public final class WireEncoder {

    private final AuthKeys keys;

    public WireEncoder(AuthKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The message with a fresh inner {@code auth} field appended last; any existing auth field is
     * replaced, since it would otherwise be signed over.
     */
    public HaMessage withInnerAuth(HaMessage message) {
        HaMessage unsigned = message.without(HaMessage.AUTH);
        String token = keys.sign(ClassicCodec.body(unsigned));
        return unsigned.toBuilder().add(HaMessage.AUTH, token).build();
    }

    /**
     * The UDP datagram Heartbeat 3.0.6 sends: inner auth, netstring framing, auth trailer.
     */
    public byte[] encodeNetstring(HaMessage message) {
        byte[] body = NetstringCodec.encodeBody(withInnerAuth(message));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        out.writeBytes(body);
        out.writeBytes(NetstringCodec.netstring(keys.sign(body)));
        return out.toByteArray();
    }

    /**
     * A signed classic frame, as Heartbeat 2.x sends on UDP ({@code nulTerminated}) or writes to
     * a serial line.
     */
    public byte[] encodeClassic(HaMessage message, boolean nulTerminated) {
        return ClassicCodec.encode(withInnerAuth(message), nulTerminated);
    }
}
