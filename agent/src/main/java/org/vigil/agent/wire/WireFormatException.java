package org.vigil.agent.wire;

/**
 * Internal signal from the parsers to {@link WireDecoder}; never escapes the package's public
 * API, where it becomes a {@link DecodeResult.Rejected}. Checked, so no parser path can forget it.
 */
final class WireFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DropReason reason;

    WireFormatException(DropReason reason, String detail) {
        // No stack trace: these are routine for hostile input and must stay cheap.
        super(detail, null, false, false);
        this.reason = reason;
    }

    DropReason reason() {
        return reason;
    }

    DecodeResult.Rejected toRejected() {
        return new DecodeResult.Rejected(reason, getMessage());
    }
}
