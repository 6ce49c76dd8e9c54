package org.vigil.agent.transport.udp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;
import org.vigil.agent.transport.MediumException;

/** The addresses of a named interface, read from the kernel when a medium opens. */
record InterfaceAddresses(NetworkInterface nic, InetAddress address, Optional<InetAddress> broadcast) {

    static InterfaceAddresses of(String iface, boolean ipv6) throws MediumException {
        NetworkInterface nic;
        try {
            nic = NetworkInterface.getByName(iface);
        } catch (SocketException e) {
            throw new MediumException("cannot read interface [" + iface + "]: " + e.getMessage(), e);
        }
        if (nic == null) {
            throw new MediumException("interface [" + iface + "] does not exist");
        }
        InterfaceAddress best = null;
        for (InterfaceAddress a : nic.getInterfaceAddresses()) {
            boolean family = ipv6 ? a.getAddress() instanceof Inet6Address : a.getAddress() instanceof Inet4Address;
            if (family && (best == null || preferable(a, best))) {
                best = a;
            }
        }
        if (best == null) {
            throw new MediumException("interface [" + iface + "] has no " + (ipv6 ? "IPv6" : "IPv4") + " address");
        }
        return new InterfaceAddresses(nic, best.getAddress(), Optional.ofNullable(best.getBroadcast()));
    }

    /** A global address is preferred to a link-local one. */
    private static boolean preferable(InterfaceAddress candidate, InterfaceAddress current) {
        return current.getAddress().isLinkLocalAddress() && !candidate.getAddress().isLinkLocalAddress();
    }
}
