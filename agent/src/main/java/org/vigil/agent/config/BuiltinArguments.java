package org.vigil.agent.config;

import java.util.List;

/**
 * Checks the arguments of Vigil's built-in resources as Heartbeat's wrappers would read them:
 * {@code IPaddr[2]::ip[/bits[/iface[/broadcast]]]}, {@code Filesystem::device::directory[::fstype[::options]]},
 * {@code drbddisk[::resource]}, {@code MailTo::addr[,addr...][::subject]}.
 */
final class BuiltinArguments {

    private final String file;
    private final Diagnostics diagnostics;

    BuiltinArguments(String file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    void check(ResourceSpec r, int line) {
        switch (r.name()) {
            case "IPaddr", "IPaddr2" -> ipaddr(r, line);
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
                    "write " + r.name() + "::ADDRESS[/BITS[/IFACE[/BROADCAST]]]");
            return;
        }
        String[] parts = r.args().get(0).split("/", -1);
        if (!Addresses.isIpv4(parts[0])) {
            diagnostics.error(file, line, r.name() + " address [" + parts[0] + "] is not an IPv4 address",
                    Addresses.isIpv6(parts[0]) ? "use IPv6addr for IPv6 addresses" : null);
            return;
        }
        if (parts.length > 1 && !bitsOk(parts[1])) {
            diagnostics.error(file, line, r.name() + " netmask [" + parts[1] + "] must be a prefix length from 1 to 32",
                    "write e.g. " + parts[0] + "/24");
        }
        if (parts.length > 2 && !parts[2].isEmpty() && !Character.isDigit(parts[2].charAt(0))
                && !parts[2].matches("[A-Za-z0-9_.@-]{1,15}(:[A-Za-z0-9_-]{1,15})?")) {
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

    private static boolean bitsOk(String bits) {
        if (!bits.matches("\\d{1,2}")) {
            return false;
        }
        int n = Integer.parseInt(bits);
        return n >= 1 && n <= 32;
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
