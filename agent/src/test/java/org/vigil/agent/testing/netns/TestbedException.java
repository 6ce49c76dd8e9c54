package org.vigil.agent.testing.netns;

/** Something in the test bed itself failed (set-up, a helper command, clean-up). */
public class TestbedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TestbedException(String message) {
        super(message);
    }

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
