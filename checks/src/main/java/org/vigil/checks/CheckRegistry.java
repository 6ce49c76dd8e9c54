package org.vigil.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds checks from a type name and the user's options, as the agent's config parser will.
 * Bad user input never throws: {@link #build} returns every problem as a message.
 * {@code org.vigil.checks.builtin.BuiltinChecks.registry()} gives a registry with the built-ins.
 */
public final class CheckRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CheckRegistry.class);

    /** Makes a check of one type; reports bad options through {@link CheckOptions#error}. */
    @FunctionalInterface
    public interface CheckType {
        HealthCheck create(String name, CheckOptions options);
    }

    /**
     * The outcome of {@link #build}: a check, or the reasons there is none.
     *
     * @param check  the check, or null when {@code errors} is not empty
     * @param errors human-readable problems, each naming the option
     */
    public record BuildResult(HealthCheck check, List<String> errors) {
        public BuildResult {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return check != null && errors.isEmpty();
        }
    }

    private final Map<String, CheckType> types = new TreeMap<>();

    public CheckRegistry register(String type, CheckType factory) {
        types.put(type.toLowerCase(Locale.ROOT), Objects.requireNonNull(factory));
        return this;
    }

    public Set<String> types() {
        return Set.copyOf(types.keySet());
    }

    public BuildResult build(String name, String type, Map<String, String> options) {
        List<String> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add("a check needs a name");
        }
        CheckType factory = type == null ? null : types.get(type.strip().toLowerCase(Locale.ROOT));
        if (factory == null) {
            errors.add("unknown check type '" + type + "'; known types: " + String.join(", ", types.keySet()));
            return new BuildResult(null, errors);
        }
        CheckOptions opts = new CheckOptions(name, options == null ? Map.of() : options);
        HealthCheck check = null;
        try {
            check = factory.create(name, opts);
        } catch (RuntimeException e) {
            // a factory bug must not take the config loader down; say which check it was
            LOG.warn("building check {} of type {} failed", name, type, e);
            errors.add("cannot build " + type + " check: " + CheckRunner.describe(e));
        }
        errors.addAll(opts.errors());
        for (String k : opts.unknownKeys()) {
            errors.add("unknown option '" + k + "' for a " + type + " check");
        }
        if (check == null && errors.isEmpty()) {
            errors.add("cannot build " + type + " check");
        }
        return errors.isEmpty() ? new BuildResult(check, errors) : new BuildResult(null, errors);
    }
}
