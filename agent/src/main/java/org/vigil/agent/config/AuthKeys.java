package org.vigil.agent.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * authkeys: the key used to sign what we send ({@code auth N}) and every key we accept.
 *
 * @param activeIndex the {@code auth N} index, or -1 when missing
 */
public record AuthKeys(String file, int activeIndex, Map<Integer, AuthKey> keys) {

    public AuthKeys {
        keys = Map.copyOf(keys);
    }

    public Optional<AuthKey> active() {
        return Optional.ofNullable(keys.get(activeIndex));
    }

    /** Keys in index order. */
    public Map<Integer, AuthKey> sortedKeys() {
        return new TreeMap<>(keys);
    }
}
