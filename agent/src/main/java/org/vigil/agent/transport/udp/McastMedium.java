package org.vigil.agent.transport.udp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.MediumException;
import org.vigil.agent.transport.SendErrorReporter;

/**
 * {@code mcast IFACE GROUP PORT TTL LOOP} (and mcast6): a receive socket bound to the group and
 * joined on the interface, and a send socket on the interface's address with the ttl and loop
 * options, so that the source address of what we send is our own, never the group's.
 */
public final class McastMedium implements HeartbeatMedium {

    private static final System.Logger LOG = System.getLogger(McastMedium.class.getName());

    private final String iface;
    private final String groupAddress;
    private final int port;
    private final int ttl;
    private final boolean loop;
    private final boolean ipv6;
    private final EventLoopGroup group;
    private final SendErrorReporter errors;
    private InetSocketAddress destination;
    private Channel receiver;
    private Channel sender;

    public McastMedium(String iface, String groupAddress, int port, int ttl, boolean loop, boolean ipv6, EventLoopGroup group) {
        this.iface = iface;
        this.groupAddress = groupAddress;
        this.port = port;
        this.ttl = ttl;
        this.loop = loop;
        this.ipv6 = ipv6;
        this.group = group;
        this.errors = new SendErrorReporter("mcast " + iface, message -> LOG.log(Level.ERROR, message));
    }

    @Override
    public String linkName() {
        return iface;
    }

    @Override
    public void start(FrameSink sink) throws MediumException {
        InterfaceAddresses addresses = InterfaceAddresses.of(iface, ipv6);
        InetAddress multicast;
        try {
            multicast = InetAddress.getByName(groupAddress);
        } catch (UnknownHostException e) {
            throw new MediumException("mcast group [" + groupAddress + "] is not an address", e);
        }
        destination = new InetSocketAddress(scoped(multicast, addresses), port);
        receiver = UdpSockets.bind(group, destination, ipv6, iface, sink, false);
        try {
            ((NioDatagramChannel) receiver).joinGroup(destination, addresses.nic()).sync();
        } catch (Exception e) {
            close();
            throw new MediumException("cannot join multicast group " + groupAddress + " on " + iface + ": " + e.getMessage(), e);
        }
        sender = UdpSockets.bind(group, new InetSocketAddress(addresses.address(), 0), ipv6, iface, frame -> { }, false);
        sender.config().setOption(ChannelOption.IP_MULTICAST_IF, addresses.nic());
        sender.config().setOption(ChannelOption.IP_MULTICAST_TTL, ttl);
        sender.config().setOption(ChannelOption.IP_MULTICAST_LOOP_DISABLED, !loop);
    }

    /**
     * A link-local IPv6 group ({@code ff02::}, {@code ff12::}) means nothing without its
     * interface: the kernel refuses to bind it unscoped (EINVAL).
     */
    private static InetAddress scoped(InetAddress multicast, InterfaceAddresses addresses) throws MediumException {
        if (multicast instanceof java.net.Inet6Address v6 && v6.isMCLinkLocal()) {
            try {
                return java.net.Inet6Address.getByAddress(null, v6.getAddress(), addresses.nic());
            } catch (UnknownHostException e) {
                throw new MediumException("cannot scope " + multicast + " to " + addresses.nic().getName(), e);
            }
        }
        return multicast;
    }

    @Override
    public void send(byte[] frame) {
        Channel channel = sender;
        if (channel == null || !channel.isActive()) {
            return;
        }
        UdpSockets.send(channel, frame, destination, errors);
    }

    @Override
    public long sendErrors() {
        return errors.total();
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.close().syncUninterruptibly();
        }
        if (sender != null) {
            sender.close().syncUninterruptibly();
        }
    }

    @Override
    public String toString() {
        return "mcast " + iface + " " + groupAddress + ":" + port;
    }
}
