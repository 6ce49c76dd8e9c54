package org.vigil.agent.transport.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.MediumException;

/** Opens Netty datagram channels with the options every heartbeat socket needs. */
final class UdpSockets {

    /** Heartbeat's MAXMSG: a larger datagram is not a heartbeat. */
    static final int MAX_DATAGRAM = 65_535;
    private static final int RECEIVE_BUFFER = 256 * 1024;
    private static final long BIND_TIMEOUT_S = 5;

    private UdpSockets() {
    }

    /** Sends one datagram; the outcome goes to the medium's write-error accounting. */
    static void send(Channel channel, byte[] frame, java.net.InetSocketAddress to, org.vigil.agent.transport.SendErrorReporter errors) {
        channel.writeAndFlush(new io.netty.channel.socket.DatagramPacket(io.netty.buffer.Unpooled.wrappedBuffer(frame), to))
                .addListener(f -> {
                    if (f.isSuccess()) {
                        errors.succeeded();
                    } else {
                        errors.failed(f.cause());
                    }
                });
    }

    static Channel bind(EventLoopGroup group, InetSocketAddress local, boolean ipv6, String linkName, FrameSink sink,
            boolean broadcast) throws MediumException {
        Bootstrap b = new Bootstrap()
                .group(group)
                .channelFactory(() -> new NioDatagramChannel(ipv6 ? InternetProtocolFamily.IPv6 : InternetProtocolFamily.IPv4))
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BROADCAST, broadcast)
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(new DatagramFrames(linkName, sink));
        ChannelFuture bound = b.bind(local);
        try {
            if (!bound.await(BIND_TIMEOUT_S, TimeUnit.SECONDS) || !bound.isSuccess()) {
                Throwable cause = bound.cause();
                throw new MediumException("cannot bind UDP " + local + " for link " + linkName + ": "
                        + (cause == null ? "timed out" : cause.getMessage()), cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediumException("interrupted while binding UDP " + local, e);
        }
        return bound.channel();
    }
}
