package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capture test is only as good as its pcap reader, so the reader is checked on synthetic
 * captures (our own signed status packet, wrapped the way tcpdump would write it).
 */
class PcapReaderTest {

    private static final AuthKeys KEYS = AuthkeysFixture.parse("# lab\nauth 2\n1 crc\n2 sha1 hb-testbed-secret\n");

    private static byte[] udpIpv4(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(28 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[] {10, 0, 0, 1}).put(new byte[] {10, 0, 0, (byte) 255});
        b.putShort((short) 694).putShort((short) 694).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        return b.array();
    }

    private static byte[] pcap(int linkType, ByteOrder order, byte[]... frames) {
        int size = 24;
        for (byte[] f : frames) {
            size += 16 + f.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        for (byte[] f : frames) {
            b.putInt(1).putInt(0).putInt(f.length).putInt(f.length).put(f);
        }
        return b.array();
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] out = new byte[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    @Test
    void ethernetLittleEndianCapture() {
        byte[] packet = new WireEncoder(KEYS).encodeNetstring(StatusPacketLayoutTest.exampleStatus());
        byte[] eth = new byte[14];
        eth[12] = 0x08;
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        List<PcapReader.Datagram> got = PcapReader.udpPayloads(
                pcap(1, ByteOrder.LITTLE_ENDIAN, concat(eth, udpIpv4(packet)), arp));
        assertEquals(1, got.size(), "the ARP frame is skipped");
        assertArrayEquals(packet, got.get(0).payload());
        assertEquals("10.0.0.1:694", got.get(0).source());
        assertEquals(2, ((DecodeResult.Accepted) new WireDecoder(KEYS).decode(got.get(0).payload())).keyIndex());
    }

    @Test
    void linuxCookedBigEndianCapture() {
        byte[] packet = new WireEncoder(KEYS).encodeClassic(StatusPacketLayoutTest.exampleStatus(), true);
        byte[] sll = new byte[16];
        sll[14] = 0x08;
        List<PcapReader.Datagram> got = PcapReader.udpPayloads(
                pcap(113, ByteOrder.BIG_ENDIAN, concat(sll, udpIpv4(packet))));
        assertEquals(1, got.size());
        assertArrayEquals(packet, got.get(0).payload());
        assertTrue(new WireDecoder(KEYS).decode(got.get(0).payload()).isAccepted());
    }
}
