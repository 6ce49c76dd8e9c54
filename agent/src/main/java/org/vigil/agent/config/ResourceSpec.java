package org.vigil.agent.config;

import java.util.List;

/**
 * One resource of a haresources group: {@code name::arg::arg}. A bare IPv4 address is
 * {@code IPaddr::address}; {@link #text()} keeps what was written.
 */
public record ResourceSpec(String name, List<String> args, String text, ResourceCatalog.Resolution resolution) {

    public ResourceSpec {
        args = List.copyOf(args);
    }

    /** The canonical form, {@code name::arg1::arg2}. */
    public String canonical() {
        return args.isEmpty() ? name : name + "::" + String.join("::", args);
    }
}
