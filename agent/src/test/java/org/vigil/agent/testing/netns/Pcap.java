package org.vigil.agent.testing.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal reader for the classic pcap files tcpdump writes (Ethernet link type, IPv4, UDP):
 * enough to turn a capture into UDP payloads. A truncated last record (the file is still being
 * written) is ignored.
 */
public final class Pcap {
    private Pcap() {
    }

    /** One captured UDP datagram; {@code micros} is the capture time in µs since the epoch. */
    public record UdpPacket(long micros, String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
        @Override
        public String toString() {
            return srcIp + ":" + srcPort + " > " + dstIp + ":" + dstPort + " " + payload.length + " B";
        }
    }

    public static List<UdpPacket> readUdp(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(data);
    }

    public static List<UdpPacket> parse(byte[] data) {
        List<UdpPacket> packets = new ArrayList<>();
        if (data.length < 24) {
            return packets;
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        boolean nanos;
        if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
            nanos = magic == 0xa1b23c4d;
        } else {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IllegalArgumentException("not a pcap file (magic " + Integer.toHexString(magic) + ")");
            }
            nanos = magic == 0xa1b23c4d;
        }
        int linkType = b.getInt(20);
        if (linkType != 1) {
            throw new IllegalArgumentException("only Ethernet captures are supported, link type " + linkType);
        }
        int pos = 24;
        while (pos + 16 <= data.length) {
            long sec = Integer.toUnsignedLong(b.getInt(pos));
            long frac = Integer.toUnsignedLong(b.getInt(pos + 4));
            int caplen = b.getInt(pos + 8);
            int start = pos + 16;
            if (caplen < 0 || start + caplen > data.length) {
                break; // still being written
            }
            long micros = sec * 1_000_000 + (nanos ? frac / 1000 : frac);
            UdpPacket p = udp(data, start, caplen, micros);
            if (p != null) {
                packets.add(p);
            }
            pos = start + caplen;
        }
        return packets;
    }

    private static UdpPacket udp(byte[] d, int off, int len, long micros) {
        if (len < 14 + 20 + 8) {
            return null;
        }
        int etherType = u16(d, off + 12);
        int ip = off + 14;
        if (etherType != 0x0800 || (d[ip] & 0xf0) != 0x40) {
            return null;
        }
        int ihl = (d[ip] & 0x0f) * 4;
        int proto = d[ip + 9] & 0xff;
        int fragment = u16(d, ip + 6) & 0x1fff;
        if (proto != 17 || fragment != 0) {
            return null;
        }
        int udp = ip + ihl;
        int udpLen = u16(d, udp + 4);
        int payloadLen = Math.min(udpLen - 8, off + len - (udp + 8));
        if (payloadLen < 0) {
            return null;
        }
        return new UdpPacket(micros, ipv4(d, ip + 12), u16(d, udp), ipv4(d, ip + 16), u16(d, udp + 2),
                Arrays.copyOfRange(d, udp + 8, udp + 8 + payloadLen));
    }

    private static int u16(byte[] d, int i) {
        return ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
    }

    private static String ipv4(byte[] d, int i) {
        return (d[i] & 0xff) + "." + (d[i + 1] & 0xff) + "." + (d[i + 2] & 0xff) + "." + (d[i + 3] & 0xff);
    }
}
