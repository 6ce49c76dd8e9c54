package org.vigil.agent.testing.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The capture helpers read what tcpdump and Heartbeat produce; also a sanity check of the committed captures. */
class WirePeekTest {

    @Test
    void parsesNetstringFieldsInOrderWithTrailer() {
        String wire = "###\n11:(0)t=status,8:(0)st=up,10:(0)dt=1770,12:(0)src=nodea,%%%\n10:1 d384d86f,";
        WirePeek.Message m = WirePeek.parse(wire.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("netstring", m.framing());
        assertEquals(List.of("t", "st", "dt", "src"), m.names());
        assertEquals("status", m.type());
        assertEquals("1770", m.get("dt").orElseThrow());
        assertEquals("1 d384d86f", m.trailer());
    }

    @Test
    void parsesClassicFraming() {
        String wire = ">>>\nt=status\nst=active\nsrc=a\n<<<\n\0";
        WirePeek.Message m = WirePeek.parse(wire.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("classic", m.framing());
        assertEquals(List.of("t", "st", "src"), m.names());
    }

    @Test
    void readsUdpPayloadsFromPcap() {
        byte[] payload = "###\n%%%\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] frame = new byte[14 + 20 + 8 + payload.length];
        frame[12] = 0x08; // IPv4
        frame[14] = 0x45;
        frame[14 + 9] = 17; // UDP
        frame[14 + 12] = 10;
        frame[14 + 15] = 11;
        frame[14 + 16] = 10;
        frame[14 + 19] = 12;
        frame[34] = 0x02;
        frame[35] = (byte) 0xb6; // 694
        frame[36] = 0x02;
        frame[37] = (byte) 0xb6;
        frame[39] = (byte) (8 + payload.length);
        System.arraycopy(payload, 0, frame, 42, payload.length);
        byte[] file = new byte[24 + 16 + frame.length];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0xa1b2c3d4).putInt(20, 1).putInt(24, 5).putInt(28, 7).putInt(32, frame.length)
                .putInt(36, frame.length);
        System.arraycopy(frame, 0, file, 40, frame.length);
        List<Pcap.UdpPacket> packets = Pcap.parse(file);
        assertEquals(1, packets.size());
        Pcap.UdpPacket p = packets.get(0);
        assertEquals("10.0.0.11", p.srcIp());
        assertEquals("10.0.0.12", p.dstIp());
        assertEquals(694, p.dstPort());
        assertEquals(5_000_007L, p.micros());
        assertEquals("###\n%%%\n", new String(p.payload(), StandardCharsets.ISO_8859_1));
        // a record cut short (file still being written) is ignored
        assertEquals(0, Pcap.parse(java.util.Arrays.copyOf(file, file.length - 3)).size());
    }

    @Test
    void committedCapturesAreSignedNetstringMessages() throws IOException, URISyntaxException {
        URL root = getClass().getResource("/wire/captures");
        if (root == null) {
            return; // no captures committed (yet)
        }
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            List<Path> bins = files.filter(p -> p.toString().endsWith(".bin")).toList();
            for (Path bin : bins) {
                WirePeek.Message m = WirePeek.parse(Files.readAllBytes(bin));
                assertFalse(m.type().equals("?"), bin + " has no t field");
                assertTrue(m.names().get(m.names().size() - 1).equals("auth"), bin + ": auth is not the last field");
                assertTrue(m.trailer().startsWith("1 "), bin + ": trailer " + m.trailer());
            }
        }
    }
}
