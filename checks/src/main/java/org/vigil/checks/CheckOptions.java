package org.vigil.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The user's {@code key=value} options for one check, read by a check type's factory.
 *
 * <p>Reading never throws for bad input: a bad or missing value is recorded as an error message
 * (and a default is returned so the factory can carry on and report every problem at once). Keys
 * that no reader asked for are reported as unknown by {@link CheckRegistry}.
 */
public final class CheckOptions {

    private final String checkName;
    private final Map<String, String> raw;
    private final Set<String> used = new HashSet<>();
    private final List<String> errors = new ArrayList<>();

    public CheckOptions(String checkName, Map<String, String> options) {
        this.checkName = checkName;
        this.raw = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public String checkName() {
        return checkName;
    }

    public Optional<String> optional(String key) {
        used.add(key);
        String v = raw.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public String string(String key, String def) {
        return optional(key).orElse(def);
    }

    public String required(String key) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            error(key, "is required");
            return "";
        }
        return v.get();
    }

    /** A mon timeval ({@code 30s}, {@code 5m}, {@code 500ms}); must be positive. */
    public Duration duration(String key, Duration def) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return def;
        }
        Optional<Duration> d = Durations.parse(v.get());
        if (d.isEmpty() || d.get().isZero()) {
            error(key, "'" + v.get() + "' is not a positive duration such as 500ms, 10s, 5m, 1h");
            return def;
        }
        return d.get();
    }

    public int integer(String key, int def, int min, int max) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return def;
        }
        try {
            int i = Integer.parseInt(v.get());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(key, "'" + v.get() + "' is not a whole number from " + min + " to " + max);
        return def;
    }

    /** yes/no, true/false, on/off, 1/0. */
    public boolean bool(String key, boolean def) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return def;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1":
                return true;
            case "no", "false", "off", "0":
                return false;
            default:
                error(key, "'" + v.get() + "' is not yes or no");
                return def;
        }
    }

    public Optional<Pattern> regex(String key) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(v.get()));
        } catch (PatternSyntaxException e) {
            error(key, "'" + v.get() + "' is not a valid regular expression: " + e.getDescription());
            return Optional.empty();
        }
    }

    /** One of a fixed set of words (case-insensitive); returns the lower-case word. */
    public String choice(String key, String def, String... allowed) {
        String v = string(key, def).toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        error(key, "'" + v + "' is not one of " + String.join(", ", allowed));
        return def;
    }

    /** All options named {@code prefix + something}, keyed by the something (e.g. header.X-Foo). */
    public Map<String, String> prefixed(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                used.add(k);
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The check's one total deadline: option {@code timeout}, default {@link HealthCheck#DEFAULT_TIMEOUT}. */
    public Duration timeout() {
        return duration("timeout", HealthCheck.DEFAULT_TIMEOUT);
    }

    public void error(String key, String message) {
        errors.add("option '" + key + "' " + message);
    }

    public void error(String message) {
        errors.add(message);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** @return the keys given but never read, sorted. */
    public Set<String> unknownKeys() {
        Set<String> unknown = new TreeSet<>(raw.keySet());
        unknown.removeAll(used);
        return unknown;
    }
}
