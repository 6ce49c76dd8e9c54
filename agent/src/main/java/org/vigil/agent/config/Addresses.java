package org.vigil.agent.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax checks for addresses and host names, without any name lookup. */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private Addresses() {
    }

    public static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Looks like an IPv4 address, valid or not: {@code a.b.c.d} with digits only. */
    public static boolean looksLikeIpv4(String text) {
        return IPV4.matcher(text).matches();
    }

    public static boolean isIpv6(String text) {
        return text.contains(":") && IPV6.matcher(text).matches() && text.chars().filter(c -> c == ':').count() >= 2;
    }

    /**
     * An IPv6 literal (no zone), parsed without any name lookup: only text made of hex digits,
     * colons and dots reaches {@link InetAddress#getByName}, which parses such text as a literal.
     */
    public static Optional<Inet6Address> ipv6Literal(String text) {
        if (!isIpv6(text) || text.contains("%")) {
            return Optional.empty();
        }
        try {
            return InetAddress.getByName(text) instanceof Inet6Address a ? Optional.of(a) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address with all eight groups and no {@code ::}, e.g. {@code 2001:db8:0:0:0:0:0:10}. */
    public static Optional<String> ipv6WrittenOut(String text) {
        return ipv6Literal(text).map(a -> {
            byte[] b = a.getAddress();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 16; i += 2) {
                out.append(i == 0 ? "" : ":").append(Integer.toHexString(((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF)));
            }
            return out.toString();
        });
    }

    public static boolean isHostOrAddress(String text) {
        if (looksLikeIpv4(text)) {
            return isIpv4(text);
        }
        return isIpv6(text) || HOST.matcher(text).matches();
    }

    /** First octet of a valid IPv4 address. */
    public static int firstOctet(String ipv4) {
        return Integer.parseInt(ipv4.substring(0, ipv4.indexOf('.')));
    }
}
