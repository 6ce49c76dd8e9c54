package org.vigil.agent.config;

import java.util.List;

/**
 * One resource of a haresources group: {@code name::arg::arg}. A bare IPv4 address is
 * {@code IPaddr::address}; the address built-ins take everything after their name as one argument
 * (an IPv6 address has {@code ::} in it); {@link #text()} keeps what was written.
 */
public record ResourceSpec(String name, List<String> args, String text, ResourceCatalog.Resolution resolution) {

    public ResourceSpec {
        args = List.copyOf(args);
    }

    /** Whether this is a virtual address (IPaddr, IPaddr2, IPv6addr) with its one argument. */
    public boolean isAddress() {
        return ResourceCatalog.ADDRESS_RESOURCES.contains(name) && args.size() == 1;
    }

    /** The canonical form, {@code name::arg1::arg2}. */
    public String canonical() {
        return args.isEmpty() ? name : name + "::" + String.join("::", args);
    }
}
