package org.vigil.agent.transport;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.agent.config.Medium;
import org.vigil.agent.transport.serial.SerialMedium;
import org.vigil.agent.transport.udp.McastMedium;
import org.vigil.agent.transport.udp.UdpMedium;

/**
 * Builds the transport media from ha.cf's media lines. bcast and ucast lines on the same
 * interface, port and address family become one {@link UdpMedium}: they share a link name in
 * Heartbeat, and sharing sockets avoids two sockets competing for the same unicast datagrams.
 */
public final class MediaFactory {

    private MediaFactory() {
    }

    public static List<HeartbeatMedium> create(List<Medium> media, EventLoopGroup udpGroup) {
        Map<String, UdpPlan> udp = new LinkedHashMap<>();
        List<HeartbeatMedium> out = new ArrayList<>();
        for (Medium m : media) {
            if (m instanceof Medium.Bcast b) {
                plan(udp, b.iface(), b.port(), false).broadcast = true;
            } else if (m instanceof Medium.Ucast u) {
                plan(udp, u.iface(), u.port(), false).peers.add(u.peer());
            } else if (m instanceof Medium.Ucast6 u) {
                plan(udp, u.iface(), u.port(), true).peers.add(u.peer());
            } else if (m instanceof Medium.Mcast mc) {
                out.add(new McastMedium(mc.iface(), mc.group(), mc.port(), mc.ttl(), mc.loop(), false, udpGroup));
            } else if (m instanceof Medium.Mcast6 mc) {
                out.add(new McastMedium(mc.iface(), mc.group(), mc.port(), mc.ttl(), mc.loop(), true, udpGroup));
            } else if (m instanceof Medium.Serial s) {
                out.add(new SerialMedium(s.device(), s.baud(), s.linkName()));
            }
        }
        udp.values().forEach(p -> out.add(0, new UdpMedium(p.iface, p.port, p.broadcast, p.peers, p.ipv6, udpGroup)));
        return out;
    }

    private static UdpPlan plan(Map<String, UdpPlan> plans, String iface, int port, boolean ipv6) {
        return plans.computeIfAbsent(iface + "/" + port + "/" + ipv6, k -> new UdpPlan(iface, port, ipv6));
    }

    /** What one UdpMedium will do, gathered from several ha.cf lines. */
    private static final class UdpPlan {
        final String iface;
        final int port;
        final boolean ipv6;
        final List<String> peers = new ArrayList<>();
        boolean broadcast;

        UdpPlan(String iface, int port, boolean ipv6) {
            this.iface = iface;
            this.port = port;
            this.ipv6 = ipv6;
        }
    }
}
