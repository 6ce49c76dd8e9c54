package org.vigil.checks;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * mon's "timeval" durations: a number with an optional unit, {@code ms}, {@code s}, {@code m},
 * {@code h} or {@code d}; a bare number means seconds and fractions are allowed ({@code 1.5m},
 * {@code 0.5s}, {@code 500ms}).
 */
public final class Durations {

    private Durations() {
    }

    /** @return the duration, or empty when the text is not a valid non-negative timeval. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unitMillis;
        if (t.endsWith("ms")) {
            unitMillis = 1;
            t = t.substring(0, t.length() - 2);
        } else if (!t.isEmpty() && "smhd".indexOf(t.charAt(t.length() - 1)) >= 0) {
            char u = t.charAt(t.length() - 1);
            unitMillis = switch (u) {
                case 's' -> 1000L;
                case 'm' -> 60_000L;
                case 'h' -> 3_600_000L;
                default -> 86_400_000L;
            };
            t = t.substring(0, t.length() - 1);
        } else {
            unitMillis = 1000L;
        }
        if (!t.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
            return Optional.empty();
        }
        try {
            BigDecimal millis = new BigDecimal(t).multiply(BigDecimal.valueOf(unitMillis));
            return Optional.of(Duration.ofNanos(millis.movePointRight(6).longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Short human form: {@code 250ms}, {@code 5s}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
