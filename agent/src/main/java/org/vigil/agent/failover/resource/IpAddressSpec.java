package org.vigil.agent.failover.resource;

import java.util.Optional;

/**
 * The argument of {@code IPaddr}/{@code IPaddr2}: {@code ip[/bits[/iface[/broadcast]]]}; a third
 * part starting with a digit is the broadcast (no interface); IPaddr2 accepts {@code iface:label}.
 * An IPv6 address ({@code IPv6addr}, or IPaddr2 given one) is {@code ip[/bits[/iface]]}.
 */
public record IpAddressSpec(String ip, Optional<Integer> bits, Optional<String> iface, Optional<String> label,
        Optional<String> broadcast) {

    public static IpAddressSpec parse(String argument) {
        String[] parts = argument.split("/", -1);
        Optional<Integer> bits = parts.length > 1 && !parts[1].isEmpty() ? Optional.of(Integer.parseInt(parts[1])) : Optional.empty();
        Optional<String> iface = Optional.empty();
        Optional<String> label = Optional.empty();
        Optional<String> broadcast = Optional.empty();
        boolean v6 = parts[0].contains(":");
        if (parts.length > 2 && !parts[2].isEmpty()) {
            if (v6) {
                iface = Optional.of(parts[2]);
            } else if (Character.isDigit(parts[2].charAt(0))) {
                broadcast = Optional.of(parts[2]);
            } else if (parts[2].contains(":")) {
                iface = Optional.of(parts[2].substring(0, parts[2].indexOf(':')));
                label = Optional.of(parts[2]);
            } else {
                iface = Optional.of(parts[2]);
            }
        }
        if (parts.length > 3 && !parts[3].isEmpty()) {
            broadcast = Optional.of(parts[3]);
        }
        return new IpAddressSpec(parts[0], bits, iface, label, broadcast);
    }

    /** Whether this is an IPv6 address (announced with neighbour advertisements, not ARP). */
    public boolean ipv6() {
        return ip.contains(":");
    }
}
