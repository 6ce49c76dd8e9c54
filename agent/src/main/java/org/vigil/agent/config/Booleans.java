package org.vigil.agent.config;

import java.util.Locale;
import java.util.Optional;

/** Heartbeat's booleans: true/on/yes/y/1 and false/off/no/n/0, without case. */
final class Booleans {

    private Booleans() {
    }

    static Optional<Boolean> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "y", "1" -> Optional.of(true);
            case "false", "off", "no", "n", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
