package org.vigil.agent.failover.resource;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Optional;
import org.vigil.agent.config.Addresses;

/**
 * Finds the interface and prefix length for an address from the kernel's connected routes
 * ({@code ip -o -4|-6 route show}), as Heartbeat's findif does: the longest prefix that contains
 * the address; the default route and typed routes ({@code local}, {@code unreachable},
 * {@code multicast}...) are not connected networks.
 */
final class ConnectedRoutes {

    /** The interface and prefix length an address belongs to. */
    record Match(String iface, int bits) {
    }

    private ConnectedRoutes() {
    }

    /** @param ip an address literal of the same family as the table */
    static Optional<Match> find(String ip, String routeTable) {
        byte[] address = literal(ip);
        if (address == null) {
            return Optional.empty();
        }
        Match best = null;
        for (String line : routeTable.split("\n")) {
            String[] w = line.trim().split("\\s+");
            String dev = deviceOf(w);
            String[] net = w[0].split("/");
            byte[] network = w[0].equals("default") ? null : literal(net[0]);
            if (dev == null || network == null || network.length != address.length) {
                continue;
            }
            int bits = net.length > 1 ? Integer.parseInt(net[1]) : address.length * 8;
            if (samePrefix(network, address, bits) && (best == null || bits > best.bits())) {
                best = new Match(dev, bits);
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int shift = a.length * 8 - bits;
        return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, b).shiftRight(shift));
    }

    /** The bytes of an address literal; null for anything else (never a name lookup). */
    private static byte[] literal(String text) {
        if (Addresses.isIpv4(text)) {
            byte[] b = new byte[4];
            String[] p = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(p[i]);
            }
            return b;
        }
        return Addresses.ipv6Literal(text).map(InetAddress::getAddress).orElse(null);
    }

    private static String deviceOf(String[] words) {
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("dev")) {
                return words[i + 1];
            }
        }
        return null;
    }
}
