package org.vigil.agent.transport.udp;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.MediumException;
import org.vigil.agent.transport.SendErrorReporter;

/**
 * The bcast and ucast media of one interface and port ({@code bcast eth0}, {@code ucast eth0
 * 10.0.0.2}): they share a link name, so they share sockets. One socket is bound to the
 * interface's own address (it sends, and receives unicast); with bcast, a second is bound to the
 * interface's broadcast address to receive broadcasts. Binding to addresses rather than using
 * SO_BINDTODEVICE keeps each link's traffic apart without privileges Java does not expose.
 */
public final class UdpMedium implements HeartbeatMedium {

    private static final System.Logger LOG = System.getLogger(UdpMedium.class.getName());

    private final String iface;
    private final int port;
    private final boolean broadcast;
    private final List<String> peers;
    private final boolean ipv6;
    private final EventLoopGroup group;
    private final SendErrorReporter errors;
    private final List<InetSocketAddress> destinations = new ArrayList<>();
    private Channel unicast;
    private Channel broadcastListener;

    /**
     * @param broadcast whether {@code bcast IFACE} is configured on this interface and port
     * @param peers the {@code ucast IFACE PEER} peers (addresses or host names)
     */
    public UdpMedium(String iface, int port, boolean broadcast, List<String> peers, boolean ipv6, EventLoopGroup group) {
        this.iface = iface;
        this.port = port;
        this.broadcast = broadcast;
        this.peers = List.copyOf(peers);
        this.ipv6 = ipv6;
        this.group = group;
        this.errors = new SendErrorReporter((broadcast ? "bcast " : "ucast ") + iface,
                message -> LOG.log(Level.ERROR, message));
    }

    @Override
    public String linkName() {
        return iface;
    }

    @Override
    public void start(FrameSink sink) throws MediumException {
        InterfaceAddresses addresses = InterfaceAddresses.of(iface, ipv6);
        resolveDestinations(addresses);
        unicast = UdpSockets.bind(group, new InetSocketAddress(addresses.address(), port), ipv6, iface, sink, broadcast);
        if (broadcast) {
            InetAddress bcast = addresses.broadcast().orElseThrow(() ->
                    new MediumException("Get broadcast for interface " + iface + " failed: it has no broadcast address"));
            broadcastListener = UdpSockets.bind(group, new InetSocketAddress(bcast, port), false, iface, sink, true);
        }
    }

    private void resolveDestinations(InterfaceAddresses addresses) throws MediumException {
        addresses.broadcast().filter(b -> broadcast).ifPresent(b -> destinations.add(new InetSocketAddress(b, port)));
        for (String peer : peers) {
            InetAddress address;
            try {
                address = InetAddress.getByName(peer);
            } catch (java.net.UnknownHostException e) {
                throw new MediumException("ucast " + iface + ": cannot resolve peer [" + peer + "]", e);
            }
            // A ucast line naming this node is harmless, so that ha.cf can be identical on all nodes.
            if (!address.equals(addresses.address())) {
                destinations.add(new InetSocketAddress(address, port));
            }
        }
    }

    @Override
    public void send(byte[] frame) {
        Channel channel = unicast;
        if (channel == null || !channel.isActive()) {
            return;
        }
        for (InetSocketAddress to : destinations) {
            UdpSockets.send(channel, frame, to, errors);
        }
    }

    @Override
    public long sendErrors() {
        return errors.total();
    }

    /** Where frames go, resolved at start; for status displays and tests. */
    public List<InetSocketAddress> destinations() {
        return List.copyOf(destinations);
    }

    @Override
    public void close() {
        if (unicast != null) {
            unicast.close().syncUninterruptibly();
        }
        if (broadcastListener != null) {
            broadcastListener.close().syncUninterruptibly();
        }
    }

    @Override
    public String toString() {
        return "udp " + iface + ":" + port + (broadcast ? " bcast" : "") + (peers.isEmpty() ? "" : " ucast " + peers);
    }
}
