package org.vigil.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The media directives of ha.cf. As in Heartbeat, a medium takes the {@code udpport} or
 * {@code baud} in force when its line is read; a later udpport/baud line does not change it, and
 * we say so when that changes the port or rate a medium uses.
 */
final class MediaParser {

    private final String file;
    private final Diagnostics diagnostics;
    private final HostEnvironment host;
    private final List<Medium> media = new ArrayList<>();
    private int udpPort = HaCfParser.DEFAULT_UDP_PORT;
    private int baud = HaCfParser.DEFAULT_BAUD;

    MediaParser(String file, Diagnostics diagnostics, HostEnvironment host) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.host = host;
    }

    int udpPort() {
        return udpPort;
    }

    int baud() {
        return baud;
    }

    List<Medium> media() {
        return List.copyOf(media);
    }

    void udpPort(int port, int line) {
        udpPort = port;
        for (Medium m : media) {
            if (!usesUdpPort(m)) {
                continue;
            }
            int used = m instanceof Medium.Bcast b ? b.port()
                    : m instanceof Medium.Ucast u ? u.port() : ((Medium.Ucast6) m).port();
            if (used != port) {
                diagnostics.warning(file, line, "udpport [" + port + "] comes after the medium on line " + m.line()
                        + ", which keeps port [" + used + "] (media read udpport when they are declared)",
                        "move udpport above the media lines");
            } else {
                diagnostics.note(file, line, "udpport comes after the medium on line " + m.line()
                        + "; harmless here since the port is the same [" + port + "]",
                        "put udpport above the media lines, as Heartbeat expects");
            }
        }
    }

    private static boolean usesUdpPort(Medium m) {
        return m instanceof Medium.Bcast || m instanceof Medium.Ucast || m instanceof Medium.Ucast6;
    }

    void baud(int rate, int line) {
        baud = rate;
        for (Medium m : media) {
            if (m instanceof Medium.Serial s && s.baud() != rate) {
                diagnostics.warning(file, line, "baud [" + rate + "] comes after the serial link on line " + s.line()
                        + ", which keeps [" + s.baud() + "]", "move baud above the serial lines");
            }
        }
    }

    void bcast(String iface, int line) {
        checkInterface("bcast", iface, line);
        media.add(new Medium.Bcast(iface, udpPort, line));
    }

    void serial(String device, int line) {
        if (!device.startsWith("/") || device.chars().anyMatch(c -> c == 0)) {
            diagnostics.error(file, line, "serial [" + device + "] is not a device path", "write e.g. serial /dev/ttyS0");
            return;
        }
        if (!host.exists(Path.of(device))) {
            diagnostics.warning(file, line, "serial device [" + device + "] does not exist on this machine",
                    "fine if it exists on the cluster node");
        }
        media.add(new Medium.Serial(device, baud, line));
    }

    void mcast(String name, String[] words, int line) {
        if (words.length != 5) {
            diagnostics.error(file, line, name + " needs 5 values, found " + words.length,
                    "write it as: " + name + " IFACE GROUP PORT TTL LOOP (e.g. " + name + " eth0 "
                            + (name.equals("mcast") ? "225.0.0.1" : "ff02::694") + " 694 1 0)");
            return;
        }
        boolean v6 = name.equals("mcast6");
        String group = words[1];
        if (v6 ? !(Addresses.isIpv6(group) && group.toLowerCase().startsWith("ff"))
                : !(Addresses.isIpv4(group) && Addresses.firstOctet(group) >= 224 && Addresses.firstOctet(group) <= 239)) {
            diagnostics.error(file, line, name + " group [" + group + "] is not a multicast address",
                    v6 ? "use an ff00::/8 address" : "use an address from 224.0.0.0/4, e.g. 225.0.0.1");
            return;
        }
        Integer port = number(name + " port", words[2], line, 1, 65535);
        Integer ttl = number(name + " ttl", words[3], line, 0, 255);
        Integer loop = number(name + " loop", words[4], line, 0, 1);
        if (port == null || ttl == null || loop == null) {
            return;
        }
        if (ttl > 4) {
            diagnostics.warning(file, line, name + " ttl [" + ttl + "]: Heartbeat 3.0.6 refuses a ttl above 4 "
                    + "(whatever its documentation says)", "use a ttl from 0 to 4 if a Heartbeat node shares this file");
        }
        checkInterface(name, words[0], line);
        media.add(v6 ? new Medium.Mcast6(words[0], group, port, ttl, loop == 1, line)
                : new Medium.Mcast(words[0], group, port, ttl, loop == 1, line));
    }

    void ucast(String name, String[] words, int line) {
        if (words.length != 2) {
            diagnostics.error(file, line, name + " needs an interface and one peer, found " + words.length + " values",
                    "write it as: " + name + " IFACE PEER (one line per peer)");
            return;
        }
        String peer = words[1];
        boolean ok = name.equals("ucast6") ? Addresses.isIpv6(peer) || Addresses.isHostOrAddress(peer)
                : Addresses.isHostOrAddress(peer) && !Addresses.isIpv6(peer);
        if (!ok) {
            diagnostics.error(file, line, name + " peer [" + peer + "] is not an address or host name",
                    Addresses.isIpv6(peer) ? "use ucast6 for an IPv6 peer" : null);
            return;
        }
        checkInterface(name, words[0], line);
        media.add(name.equals("ucast6") ? new Medium.Ucast6(words[0], peer, udpPort, line)
                : new Medium.Ucast(words[0], peer, udpPort, line));
    }

    void finish() {
        if (media.isEmpty()) {
            diagnostics.error(file, 0, "no heartbeat media defined",
                    "add a medium, e.g. bcast eth0, or ucast eth0 PEER-ADDRESS");
        }
    }

    private void checkInterface(String directive, String iface, int line) {
        if (iface.contains(":")) {
            diagnostics.error(file, line, directive + " interface [" + iface + "] is an alias label",
                    "use the interface itself: " + iface.substring(0, iface.indexOf(':')));
            return;
        }
        if (!host.hasInterface(iface)) {
            diagnostics.warning(file, line, directive + " interface [" + iface + "] does not exist on this machine",
                    "fine if it exists on the cluster node");
        }
    }

    private Integer number(String what, String value, int line, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        diagnostics.error(file, line, what + " [" + value + "] must be a whole number from " + min + " to " + max);
        return null;
    }
}
