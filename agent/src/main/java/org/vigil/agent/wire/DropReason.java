package org.vigil.agent.wire;

/**
 * Why an inbound frame was dropped. Stable and coarse on purpose: callers count drops per reason
 * (see {@link DropCounter}), so each value names one thing an operator can act on.
 */
public enum DropReason {
    /** Zero-length datagram. */
    EMPTY("empty frame"),
    /** Starts with neither {@code >>>\n} nor {@code ###\n}. */
    UNKNOWN_FRAMING("unknown framing"),
    /** Larger than the configured maximum (Heartbeat's MAXMSG, 256 KiB, by default). */
    OVERSIZED("frame too large"),
    /** Ends before the framing says it should (missing end marker, netstring past the end). */
    TRUNCATED("truncated frame"),
    /** A netstring length prefix that is not a number, too big, or not followed by {@code ,}. */
    BAD_LENGTH("bad netstring length"),
    /** A field that cannot be parsed: bad name, empty value, unknown type, bad base64, ... */
    MALFORMED("malformed field"),
    /** Two fields with the same name. */
    DUPLICATE_FIELD("duplicate field"),
    /** Bytes after the end of the message (other than one NUL on a classic frame). */
    TRAILING_DATA("trailing data"),
    /** A netstring message without the authentication trailer. */
    MISSING_TRAILER("missing auth trailer"),
    /** A classic message without an {@code auth} field. */
    UNAUTHENTICATED("no authentication"),
    /** An auth token that is not {@code <index> <hex>}. */
    MALFORMED_AUTH("malformed auth token"),
    /** A key index this node has no key for. */
    UNKNOWN_KEY_INDEX("unknown key index"),
    /** The digest does not match: wrong key, corruption or forgery. */
    BAD_AUTH("authentication failed");

    private final String description;

    DropReason(String description) {
        this.description = description;
    }

    /** A short human-readable description, safe to log. */
    public String description() {
        return description;
    }
}
