package org.vigil.checks.schedule;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subset of Perl's Time::Period syntax, as mon uses for {@code exclude_period} and
 * {@code period}: e.g. {@code wd {Mon-Fri} hr {7am-10pm}}.
 *
 * <ul>
 *   <li>A period is one or more sub-periods separated by commas; it contains a time when any
 *       sub-period does.</li>
 *   <li>A sub-period is one or more {@code scale {values}}; it contains a time when every scale
 *       does. Values inside the braces are separated by spaces; each is one value or a range
 *       {@code a-b}. A range whose end is before its start wraps ({@code wd {Fri-Mon}},
 *       {@code hr {10pm-6am}}).</li>
 *   <li>Scales: {@code wd} (weekday: {@code su mo tu we th fr sa}, longer English names, or
 *       1-7 with 1 = Sunday), {@code hr} (hour: 0-23 or 12am, 1am ... 11am, 12pm, 1pm ...
 *       11pm), {@code min} (minute 0-59), {@code md} (day of month 1-31), {@code mo} (month:
 *       {@code jan}... or 1-12). The long names {@code weekday hour minute mday month} work too.</li>
 *   <li>Ranges of {@code wd}, {@code md} and {@code mo} include their end. Ranges of {@code hr}
 *       and {@code min} stop at their end: {@code hr {7am-10pm}} is 07:00 to 21:59, which is what
 *       "7am to 10pm" means. A single hour ({@code hr {9am}}) is the whole hour.</li>
 * </ul>
 * Times are the local wall-clock times of the zone the scheduler runs in.
 */
public final class TimePeriod {

    enum Scale {
        WD(1, 7, true), HR(0, 23, false), MIN(0, 59, false), MD(1, 31, true), MO(1, 12, true);

        final int min;
        final int max;
        final boolean inclusiveEnd;

        Scale(int min, int max, boolean inclusiveEnd) {
            this.min = min;
            this.max = max;
            this.inclusiveEnd = inclusiveEnd;
        }
    }

    private static final Pattern TERM = Pattern.compile("\\s*([A-Za-z]+)\\s*\\{([^}]*)}\\s*");
    private static final List<String> DAYS = List.of("su", "mo", "tu", "we", "th", "fr", "sa");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private final String text;
    private final List<Map<Scale, BitSet>> subPeriods;

    private TimePeriod(String text, List<Map<Scale, BitSet>> subPeriods) {
        this.text = text;
        this.subPeriods = subPeriods;
    }

    /**
     * @throws IllegalArgumentException with a message fit for the user when the text is not valid
     */
    public static TimePeriod parse(String text) {
        List<Map<Scale, BitSet>> subs = new ArrayList<>();
        for (String sub : text.split(",")) {
            if (sub.isBlank()) {
                throw new IllegalArgumentException("empty sub-period in '" + text + "'");
            }
            Map<Scale, BitSet> scales = new EnumMap<>(Scale.class);
            Matcher m = TERM.matcher(sub);
            int pos = 0;
            while (pos < sub.length() && m.find(pos) && m.start() == pos) {
                Scale scale = scale(m.group(1));
                BitSet bits = values(scale, m.group(2));
                scales.merge(scale, bits, (a, b) -> {
                    a.and(b);
                    return a;
                });
                pos = m.end();
            }
            if (pos != sub.length() || scales.isEmpty()) {
                throw new IllegalArgumentException("cannot read '" + sub.strip()
                        + "': expected scale {values}, e.g. wd {Mon-Fri} hr {7am-10pm}");
            }
            subs.add(scales);
        }
        return new TimePeriod(text.strip(), List.copyOf(subs));
    }

    public boolean contains(LocalDateTime t) {
        int[] values = {t.getDayOfWeek().getValue() % 7 + 1, t.getHour(), t.getMinute(),
            t.getDayOfMonth(), t.getMonthValue()};
        for (Map<Scale, BitSet> sub : subPeriods) {
            boolean all = true;
            for (Map.Entry<Scale, BitSet> e : sub.entrySet()) {
                all &= e.getValue().get(values[e.getKey().ordinal()]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static Scale scale(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "wd", "weekday" -> Scale.WD;
            case "hr", "hour" -> Scale.HR;
            case "min", "minute" -> Scale.MIN;
            case "md", "mday" -> Scale.MD;
            case "mo", "month" -> Scale.MO;
            default -> throw new IllegalArgumentException("unknown scale '" + word
                    + "' (known: wd, hr, min, md, mo)");
        };
    }

    private static BitSet values(Scale s, String list) {
        BitSet bits = new BitSet();
        if (list.isBlank()) {
            throw new IllegalArgumentException("no values in " + s.name().toLowerCase(Locale.ROOT) + " {}");
        }
        for (String item : list.strip().split("\\s+")) {
            int dash = item.indexOf('-', 1);
            if (dash < 0) {
                bits.set(value(s, item));
                continue;
            }
            int a = value(s, item.substring(0, dash));
            int b = value(s, item.substring(dash + 1));
            if (!s.inclusiveEnd) {
                if (a == b) {
                    throw new IllegalArgumentException("empty range '" + item + "'");
                }
                b = b == s.min ? s.max : b - 1; // the end is exclusive
            }
            for (int v = a; ; v = v == s.max ? s.min : v + 1) {
                bits.set(v);
                if (v == b) {
                    break;
                }
            }
        }
        return bits;
    }

    private static int value(Scale s, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int v;
        if (s == Scale.WD && w.length() >= 2 && DAYS.contains(w.substring(0, 2)) && w.matches("[a-z]+")) {
            v = DAYS.indexOf(w.substring(0, 2)) + 1;
        } else if (s == Scale.MO && w.length() >= 3 && MONTHS.contains(w.substring(0, 3)) && w.matches("[a-z]+")) {
            v = MONTHS.indexOf(w.substring(0, 3)) + 1;
        } else if (s == Scale.HR && w.matches("\\d{1,2}(am|pm)")) {
            int h = Integer.parseInt(w.substring(0, w.length() - 2));
            if (h < 1 || h > 12) {
                throw bad(s, word);
            }
            v = h % 12 + (w.endsWith("pm") ? 12 : 0);
        } else if (w.matches("\\d{1,2}")) {
            v = Integer.parseInt(w);
        } else {
            throw bad(s, word);
        }
        if (v < s.min || v > s.max) {
            throw bad(s, word);
        }
        return v;
    }

    private static IllegalArgumentException bad(Scale s, String word) {
        return new IllegalArgumentException("'" + word + "' is not a valid "
                + s.name().toLowerCase(Locale.ROOT) + " value");
    }

    @Override
    public String toString() {
        return text;
    }
}
