package org.vigil.agent.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Heartbeat's treatment of write errors: each is logged until ten in a row, then the log says
 * it suppresses them and asks whether a cable is unplugged; a successful send re-arms it.
 */
public final class SendErrorReporter {

    static final int LOUD_ERRORS = 10;

    private final String description;
    private final Consumer<String> log;
    private final AtomicLong total = new AtomicLong();
    private int consecutive;

    public SendErrorReporter(String description, Consumer<String> log) {
        this.description = description;
        this.log = log;
    }

    public synchronized void failed(Throwable cause) {
        total.incrementAndGet();
        consecutive++;
        if (consecutive <= LOUD_ERRORS) {
            log.accept("write failure on " + description + ": " + cause.getMessage());
        }
        if (consecutive == LOUD_ERRORS) {
            log.accept("Temporarily Suppressing write error messages");
            log.accept("Is a cable unplugged on " + description + "?");
        }
    }

    public synchronized void succeeded() {
        consecutive = 0;
    }

    public long total() {
        return total.get();
    }
}
