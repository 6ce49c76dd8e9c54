package org.vigil.agent.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heartbeat's time syntax ({@code cl_get_msec}): a decimal number, optional blanks, an optional
 * case-insensitive unit. No unit means seconds, a unit starting with {@code ms} milliseconds,
 * {@code us}/{@code usec} microseconds; the result is rounded to the nearest millisecond.
 * {@code 2}, {@code 1.5}, {@code 500ms} and {@code 500 msec} are valid; {@code 30s} is not
 * (Heartbeat rejects it with no specific message, so we explain it).
 */
public final class HeartbeatTime {

    private static final Pattern SYNTAX = Pattern.compile("([0-9]*\\.?[0-9]+|[0-9]+\\.)\\s*([A-Za-z]*)");

    private HeartbeatTime() {
    }

    /** Milliseconds, or empty when the text is not a Heartbeat time. */
    public static OptionalLong parseMillis(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal millis;
        if (unit.isEmpty()) {
            millis = number.movePointRight(3);
        } else if (unit.startsWith("ms")) {
            millis = number;
        } else if (unit.equals("us") || unit.equals("usec")) {
            millis = number.movePointLeft(3);
        } else {
            return OptionalLong.empty();
        }
        BigDecimal rounded = millis.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000L)) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(rounded.longValueExact());
    }

    /** The fix for a rejected time, or {@code null}: {@code 30s} becomes {@code 30}. */
    public static String suggestionFor(String text) {
        Matcher m = Pattern.compile("([0-9.]+)\\s*(s|sec|secs|seconds?)", Pattern.CASE_INSENSITIVE)
                .matcher(text.trim());
        if (m.matches()) {
            return "write [" + m.group(1) + "]: seconds are the default unit (Heartbeat rejects an 's' suffix)";
        }
        Matcher min = Pattern.compile("([0-9.]+)\\s*(m|min|mins|minutes?)", Pattern.CASE_INSENSITIVE)
                .matcher(text.trim());
        if (min.matches()) {
            BigDecimal seconds = new BigDecimal(min.group(1)).multiply(BigDecimal.valueOf(60));
            return "write [" + seconds.stripTrailingZeros().toPlainString() + "]: times are in seconds, or in ms with an 'ms' suffix";
        }
        return "use seconds (e.g. 2 or 1.5) or milliseconds with an 'ms' suffix (e.g. 500ms)";
    }

    /** A duration as people write it in ha.cf: {@code 10} for whole seconds, else {@code 1500ms}. */
    public static String format(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "ms";
    }
}
