package org.vigil.agent.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: extracts IPv4 UDP payloads from a classic libpcap file as tcpdump writes it
 * ({@code -w}), for the link types tcpdump uses on Linux: Ethernet (with 802.1Q tags), Linux
 * cooked v1/v2 ({@code -i any}), raw IP and BSD loopback. pcapng and IP fragments are not
 * supported; fragments are skipped (a status packet is far below any MTU).
 */
final class PcapReader {

    /** One UDP datagram. */
    record Datagram(String source, int destinationPort, byte[] payload) {
    }

    private PcapReader() {
    }

    static List<Datagram> udpPayloads(byte[] file) {
        ByteBuffer buf = ByteBuffer.wrap(file);
        int magic = buf.getInt(0);
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            buf.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            throw new IllegalArgumentException("not a libpcap file (pcapng is not supported)");
        }
        int linkType = buf.getInt(20);
        List<Datagram> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= file.length) {
            int captured = buf.getInt(pos + 8);
            int start = pos + 16;
            if (captured < 0 || start + captured > file.length) {
                break; // tcpdump killed mid-write: ignore the partial record
            }
            byte[] frame = Arrays.copyOfRange(file, start, start + captured);
            Datagram d = fromLinkLayer(linkType, frame);
            if (d != null) {
                out.add(d);
            }
            pos = start + captured;
        }
        return out;
    }

    private static Datagram fromLinkLayer(int linkType, byte[] f) {
        ByteBuffer b = ByteBuffer.wrap(f); // network order
        int ipStart;
        int etherType;
        switch (linkType) {
            case 1: // Ethernet
                ipStart = 14;
                etherType = f.length >= 14 ? b.getShort(12) & 0xffff : -1;
                while (etherType == 0x8100 && f.length >= ipStart + 4) {
                    etherType = b.getShort(ipStart + 2) & 0xffff;
                    ipStart += 4;
                }
                break;
            case 113: // Linux cooked v1
                ipStart = 16;
                etherType = f.length >= 16 ? b.getShort(14) & 0xffff : -1;
                break;
            case 276: // Linux cooked v2
                ipStart = 20;
                etherType = f.length >= 20 ? b.getShort(0) & 0xffff : -1;
                break;
            case 0: // BSD loopback: 4-byte host-order family, 2 = IPv4
                ipStart = 4;
                etherType = 0x0800;
                break;
            case 101: case 228: // raw IPv4
                ipStart = 0;
                etherType = 0x0800;
                break;
            default:
                throw new IllegalArgumentException("unsupported pcap link type " + linkType);
        }
        if (etherType != 0x0800 || f.length < ipStart + 20 || (f[ipStart] >> 4) != 4) {
            return null;
        }
        int ihl = (f[ipStart] & 0x0f) * 4;
        int flagsFrag = b.getShort(ipStart + 6) & 0xffff;
        if (f[ipStart + 9] != 17 || (flagsFrag & 0x3fff) != 0) {
            return null; // not UDP, or a fragment
        }
        int udp = ipStart + ihl;
        if (f.length < udp + 8) {
            return null;
        }
        int udpLen = b.getShort(udp + 4) & 0xffff;
        int end = Math.min(f.length, udp + udpLen);
        String src = (f[ipStart + 12] & 0xff) + "." + (f[ipStart + 13] & 0xff) + "."
                + (f[ipStart + 14] & 0xff) + "." + (f[ipStart + 15] & 0xff)
                + ":" + (b.getShort(udp) & 0xffff);
        return new Datagram(src, b.getShort(udp + 2) & 0xffff, Arrays.copyOfRange(f, udp + 8, end));
    }
}
