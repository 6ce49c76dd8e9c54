package org.vigil.agent.wire;

import java.util.Objects;

/**
 * The outcome of decoding one inbound frame: either an {@link Accepted} message or a
 * {@link Rejected} frame with a typed {@link DropReason}. Decoding never throws for bad input,
 * so a receive loop can switch on this and keep going.
 */
public sealed interface DecodeResult permits DecodeResult.Accepted, DecodeResult.Rejected {

    /** True for {@link Accepted}. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * A message that parsed and, unless decoded without authentication, verified.
     *
     * @param message  the message, including its {@code auth} field if it had one
     * @param framing  the framing it arrived in
     * @param keyIndex the authkeys index that verified it, or -1 if not authenticated
     */
    record Accepted(HaMessage message, Framing framing, int keyIndex) implements DecodeResult {
        public Accepted {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(framing, "framing");
        }
    }

    /**
     * A dropped frame.
     *
     * @param reason why, for counting
     * @param detail a short explanation for the log; never contains key material or digests
     */
    record Rejected(DropReason reason, String detail) implements DecodeResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }
}
