package org.vigil.agent.transport;

/** A medium could not be opened: the message says which and why, in an operator's words. */
public final class MediumException extends Exception {

    private static final long serialVersionUID = 1L;

    public MediumException(String message, Throwable cause) {
        super(message, cause);
    }

    public MediumException(String message) {
        super(message);
    }
}
