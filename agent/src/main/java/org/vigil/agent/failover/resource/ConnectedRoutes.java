package org.vigil.agent.failover.resource;

import java.util.Optional;

/**
 * Finds the interface and prefix length for an address from the kernel's connected routes
 * ({@code ip -o -4 route show}), as Heartbeat's findif does: the longest prefix that contains the
 * address, default route excluded.
 */
final class ConnectedRoutes {

    /** The interface and prefix length an address belongs to. */
    record Match(String iface, int bits) {
    }

    private ConnectedRoutes() {
    }

    static Optional<Match> find(String ip, String routeTable) {
        long address = toLong(ip);
        Match best = null;
        for (String line : routeTable.split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w.length < 3 || w[0].equals("default") || w[0].equals("local") || w[0].equals("broadcast")) {
                continue;
            }
            String dev = deviceOf(w);
            if (dev == null) {
                continue;
            }
            String[] net = w[0].split("/");
            int bits = net.length > 1 ? Integer.parseInt(net[1]) : 32;
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            if ((toLong(net[0]) & mask) == (address & mask) && (best == null || bits > best.bits())) {
                best = new Match(dev, bits);
            }
        }
        return Optional.ofNullable(best);
    }

    private static String deviceOf(String[] words) {
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("dev")) {
                return words[i + 1];
            }
        }
        return null;
    }

    static long toLong(String ip) {
        String[] p = ip.split("\\.");
        long v = 0;
        for (String part : p) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }
}
