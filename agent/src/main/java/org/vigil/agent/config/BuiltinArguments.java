package org.vigil.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the arguments of Vigil's built-in resources as Heartbeat's wrappers would read them:
 * {@code IPaddr[2]::ip[/bits[/iface[/broadcast]]]} (IPaddr2 also IPv6), {@code IPv6addr::ip[/bits[/iface]]},
 * {@code Filesystem::device::directory[::fstype[::options]]},
 * {@code drbddisk[::resource]}, {@code MailTo::addr[,addr...][::subject]}.
 */
final class BuiltinArguments {

    private static final String IFACE = "[A-Za-z0-9_.@-]{1,15}";

    private final String file;
    private final Diagnostics diagnostics;
    private final HostEnvironment host;

    BuiltinArguments(String file, Diagnostics diagnostics, HostEnvironment host) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.host = host;
    }

    void check(ResourceSpec r, int line) {
        switch (r.name()) {
            case "IPaddr", "IPaddr2", "IPv6addr" -> ipaddr(r, line);
            case "Filesystem" -> filesystem(r, line);
            case "MailTo" -> mailTo(r, line);
            case "drbddisk" -> {
                if (r.args().size() > 1) {
                    diagnostics.error(file, line, "drbddisk takes one argument (the DRBD resource), found " + r.args().size(),
                            "write drbddisk::RESOURCE");
                }
            }
            default -> { }
        }
    }

    private void ipaddr(ResourceSpec r, int line) {
        if (r.args().size() != 1) {
            diagnostics.error(file, line, r.name() + " [" + r.text() + "] needs one argument",
                    "write " + r.name() + "::ADDRESS[/BITS[/IFACE" + (r.name().equals("IPv6addr") ? "]]" : "[/BROADCAST]]]"));
            return;
        }
        String address = r.args().get(0).split("/", 2)[0];
        if (Addresses.isIpv4(address) && !r.name().equals("IPv6addr")) {
            ipv4(r, line);
        } else if (Addresses.ipv6Literal(address).isPresent() && !r.name().equals("IPaddr")) {
            ipv6(r, line);
        } else if (r.name().equals("IPv6addr")) {
            diagnostics.error(file, line, "IPv6addr address [" + address + "] is not an IPv6 address",
                    Addresses.isIpv4(address) ? "use IPaddr2 for IPv4 addresses" : null);
        } else if (Addresses.ipv6Literal(address).isPresent()) {
            diagnostics.error(file, line, "IPaddr address [" + address + "] is IPv6: IPaddr (ifconfig aliases) is IPv4 only",
                    "write IPv6addr::" + r.args().get(0) + " or IPaddr2::" + r.args().get(0));
        } else {
            diagnostics.error(file, line, r.name() + " address [" + address + "] is not an "
                    + (r.name().equals("IPaddr2") ? "IPv4 or IPv6" : "IPv4") + " address");
        }
    }

    private void ipv4(ResourceSpec r, int line) {
        String[] parts = r.args().get(0).split("/", -1);
        if (parts.length > 1 && !bitsOk(parts[1], 32)) {
            diagnostics.error(file, line, r.name() + " netmask [" + parts[1] + "] must be a prefix length from 1 to 32",
                    "write e.g. " + parts[0] + "/24");
        }
        if (parts.length > 2 && !parts[2].isEmpty() && !Character.isDigit(parts[2].charAt(0))
                && !parts[2].matches(IFACE + "(:[A-Za-z0-9_-]{1,15})?")) {
            diagnostics.error(file, line, r.name() + " interface [" + parts[2] + "] is not an interface name");
        }
        String broadcast = parts.length > 3 ? parts[3] : parts.length > 2 && !parts[2].isEmpty()
                && Character.isDigit(parts[2].charAt(0)) ? parts[2] : null;
        if (broadcast != null && !Addresses.isIpv4(broadcast)) {
            diagnostics.error(file, line, r.name() + " broadcast [" + broadcast + "] is not an IPv4 address");
        }
        if (parts.length > 4) {
            diagnostics.error(file, line, r.name() + " [" + r.args().get(0) + "] has too many '/' parts",
                    "write ADDRESS[/BITS[/IFACE[/BROADCAST]]]");
        }
    }

    /** {@code ADDRESS[/BITS[/IFACE]]}: IPv6 has no broadcast and no address labels. */
    private void ipv6(ResourceSpec r, int line) {
        String[] parts = r.args().get(0).split("/", -1);
        if (parts.length > 1 && !bitsOk(parts[1], 128)) {
            diagnostics.error(file, line, r.name() + " prefix length [" + parts[1] + "] must be from 1 to 128",
                    "write e.g. " + parts[0] + "/64");
        }
        if (parts.length > 2 && !parts[2].matches(IFACE)) {
            diagnostics.error(file, line, r.name() + " interface [" + parts[2] + "] is not an interface name"
                    + (parts[2].contains(":") ? " (IPv6 addresses take no label)" : ""));
        }
        if (parts.length > 3) {
            diagnostics.error(file, line, r.name() + " [" + r.args().get(0) + "] has too many '/' parts",
                    "write ADDRESS[/BITS[/IFACE]] (IPv6 has no broadcast address)");
        }
        if (Addresses.ipv6Literal(parts[0]).map(a -> a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isLoopbackAddress() || a.isAnyLocalAddress()).orElse(false)) {
            diagnostics.error(file, line, r.name() + " address [" + parts[0] + "] is link-local, multicast, loopback or"
                    + " unspecified: clients cannot be moved to it", "use a global or unique local address (fd00::/8)");
        }
        if (HelperPrograms.sendUa(host).isEmpty()) {
            diagnostics.warning(file, line, r.name() + " [" + parts[0] + "]: send_ua not found on this machine (looked in "
                    + HelperPrograms.SEND_UA.stream().map(Object::toString).collect(Collectors.joining(", "))
                    + "): Vigil adds the address but cannot announce it, and clients keep the old node's MAC until"
                    + " their neighbour entry expires", "install the resource-agents package on the cluster nodes");
        }
    }

    private static boolean bitsOk(String bits, int max) {
        if (!bits.matches("\\d{1,3}")) {
            return false;
        }
        int n = Integer.parseInt(bits);
        return n >= 1 && n <= max;
    }

    private void filesystem(ResourceSpec r, int line) {
        List<String> a = r.args();
        if (a.size() < 2) {
            diagnostics.error(file, line, "Filesystem [" + r.text() + "] needs a device and a mount point",
                    "write Filesystem::DEVICE::/MOUNT/POINT[::FSTYPE[::OPTIONS]]");
            return;
        }
        if (!a.get(1).startsWith("/")) {
            diagnostics.error(file, line, "Filesystem mount point [" + a.get(1) + "] is a relative path",
                    "did you mean /" + a.get(1) + "? (Filesystem::" + a.get(0) + "::/" + a.get(1)
                            + (a.size() > 2 ? "::" + String.join("::", a.subList(2, a.size())) : "") + ")");
        }
        String device = a.get(0);
        if (!(device.startsWith("/") || device.matches("(-[LU]|LABEL=|UUID=).+") || device.contains(":"))) {
            diagnostics.warning(file, line, "Filesystem device [" + device + "] is not a path, LABEL=, UUID= or host:path",
                    "did you mean /dev/" + device + "?");
        }
        if (a.size() > 4) {
            diagnostics.error(file, line, "Filesystem [" + r.text() + "] has too many arguments",
                    "write Filesystem::DEVICE::/MOUNT/POINT[::FSTYPE[::OPTIONS]]");
        }
    }

    private void mailTo(ResourceSpec r, int line) {
        if (r.args().isEmpty() || r.args().get(0).isBlank()) {
            diagnostics.error(file, line, "MailTo needs at least one address", "write MailTo::root[,ops@example.org][::SUBJECT]");
            return;
        }
        for (String address : r.args().get(0).split(",")) {
            if (!address.matches("[^\\s@,]+(@[A-Za-z0-9.-]+)?")) {
                diagnostics.error(file, line, "MailTo address [" + address + "] is not a mail address or user name");
            }
        }
        if (r.args().size() > 2) {
            diagnostics.error(file, line, "MailTo takes addresses and one subject, found " + r.args().size() + " arguments");
        }
    }
}
