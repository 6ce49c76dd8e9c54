package org.vigil.checks.builtin;

import java.time.Duration;
import org.vigil.checks.HealthCheck;

/** Name, type and total deadline, common to the built-in checks. */
abstract class AbstractCheck implements HealthCheck {

    private final String name;
    private final String type;
    private final Duration timeout;

    AbstractCheck(String name, String type, Duration timeout) {
        this.name = name;
        this.type = type;
        this.timeout = timeout;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return type + " check " + name;
    }
}
