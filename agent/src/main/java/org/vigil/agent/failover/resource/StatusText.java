package org.vigil.agent.failover.resource;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Heartbeat's ResourceManager reads a status script's output: text matching
 * {@code *[Nn][Oo][Tt] *[Rr]unning*} means not running, {@code *[Rr]unning*} or {@code *OK*}
 * running. We also read "stopped" as not running, as the status scripts people wrote for
 * Heartbeat print it. Other text says nothing, and then LSB exit codes decide (Heartbeat would say
 * "not running", which misreads LSB scripts that print nothing).
 */
final class StatusText {

    private static final Pattern NOT_RUNNING = Pattern.compile("[Nn][Oo][Tt] *[Rr]unning|[Ss]topped");
    private static final Pattern RUNNING = Pattern.compile("[Rr]unning|OK");

    private StatusText() {
    }

    static Optional<ResourceState> fromText(String output) {
        if (NOT_RUNNING.matcher(output).find()) {
            return Optional.of(ResourceState.STOPPED);
        }
        if (RUNNING.matcher(output).find()) {
            return Optional.of(ResourceState.RUNNING);
        }
        return Optional.empty();
    }

    /** LSB status codes: 0 running; 1, 2 and 3 not running (dead or stopped); 4 unknown. */
    static ResourceState fromLsbExit(int exit) {
        return switch (exit) {
            case 0 -> ResourceState.RUNNING;
            case 1, 2, 3 -> ResourceState.STOPPED;
            default -> ResourceState.UNKNOWN;
        };
    }
}
