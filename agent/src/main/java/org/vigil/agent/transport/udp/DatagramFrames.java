package org.vigil.agent.transport.udp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.lang.System.Logger.Level;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.InboundFrame;

/**
 * Turns received datagrams into {@link InboundFrame}s for one link. An exception never closes
 * the channel: a bad datagram must not take a link down.
 */
final class DatagramFrames extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final System.Logger LOG = System.getLogger(DatagramFrames.class.getName());

    private final String linkName;
    private final FrameSink sink;

    DatagramFrames(String linkName, FrameSink sink) {
        this.linkName = linkName;
        this.sink = sink;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        String sender = packet.sender().getAddress().getHostAddress() + ":" + packet.sender().getPort();
        sink.onFrame(new InboundFrame(linkName, bytes, sender));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.WARNING, "receive error on link " + linkName + ": " + cause);
    }
}
