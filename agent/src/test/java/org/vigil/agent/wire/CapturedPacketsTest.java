package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Decodes real Heartbeat packets if someone has added them under
 * {@code src/test/resources/wire/captures/}; skipped when there are none.
 *
 * <p>Layout: any directory below {@code captures/} that holds an {@code authkeys} file, or is
 * named X beside an {@code authkeys-X} file (the
 * nodes' /etc/ha.d/authkeys) may hold {@code *.pcap} files (tcpdump {@code -w}, libpcap format)
 * and {@code *.bin} files (one raw UDP payload each). Every Heartbeat frame found must decode and
 * verify, and a netstring frame must re-encode to exactly the captured bytes, which checks our
 * field encoding, inner auth and trailer against Heartbeat's own output.
 */
class CapturedPacketsTest {

    @TestFactory
    Stream<DynamicTest> capturedPacketsDecodeAndVerify() throws IOException, URISyntaxException {
        URL root = getClass().getResource("/wire/captures");
        List<DynamicTest> tests = new ArrayList<>();
        if (root == null || !"file".equals(root.getProtocol())) {
            return skipped();
        }
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            for (Path authkeys : files.filter(p -> p.getFileName().toString().startsWith("authkeys")).toList()) {
                AuthKeys keys = AuthkeysFixture.parse(Files.readString(authkeys, StandardCharsets.UTF_8));
                Path dir = captureDirectory(authkeys);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> caps = Files.list(dir)) {
                    for (Path cap : caps.filter(CapturedPacketsTest::isCapture).sorted().toList()) {
                        tests.add(DynamicTest.dynamicTest(root.toURI().relativize(cap.toUri()).toString(),
                                () -> checkCapture(cap, keys)));
                    }
                }
            }
        }
        return tests.isEmpty() ? skipped() : tests.stream();
    }

    /** {@code DIR/authkeys} covers DIR; {@code authkeys-X} covers the sibling directory X. */
    private static Path captureDirectory(Path authkeys) {
        String name = authkeys.getFileName().toString();
        return name.equals("authkeys") ? authkeys.getParent() : authkeys.resolveSibling(name.substring("authkeys-".length()));
    }

    /** A single skipped test, so reports show the skip (an aborted factory shows nothing). */
    private static Stream<DynamicTest> skipped() {
        return Stream.of(DynamicTest.dynamicTest("no captures present",
                () -> assumeTrue(false, "no files under src/test/resources/wire/captures/")));
    }

    private static boolean isCapture(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".pcap") || n.endsWith(".bin");
    }

    private static void checkCapture(Path cap, AuthKeys keys) throws IOException {
        byte[] data = Files.readAllBytes(cap);
        List<byte[]> frames = new ArrayList<>();
        if (cap.toString().endsWith(".bin")) {
            frames.add(data);
        } else {
            for (PcapReader.Datagram d : PcapReader.udpPayloads(data)) {
                if (looksLikeHeartbeat(d.payload())) {
                    frames.add(d.payload());
                }
            }
        }
        assertFalse(frames.isEmpty(), "no Heartbeat frames in " + cap);
        WireDecoder decoder = new WireDecoder(keys);
        for (byte[] frame : frames) {
            DecodeResult r = decoder.decode(frame);
            DecodeResult.Accepted a = assertInstanceOf(DecodeResult.Accepted.class, r,
                    () -> cap + ": " + r + " for " + show(frame));
            if (a.framing() == Framing.NETSTRING) {
                assertArrayEquals(frame, reencode(a, keys), () -> "re-encoding differs: " + show(frame));
            }
        }
    }

    /** Re-signs with the key index the frame used, as the sending node would have. */
    private static byte[] reencode(DecodeResult.Accepted a, AuthKeys keys) {
        AuthKeys sender = keys.withActiveIndex(a.keyIndex());
        if (a.message().has(HaMessage.AUTH)) {
            return new WireEncoder(sender).encodeNetstring(a.message());
        }
        // msgfmt netstring: no inner field, trailer only
        byte[] body = NetstringCodec.encodeBody(a.message());
        byte[] trailer = NetstringCodec.netstring(sender.sign(body));
        byte[] out = new byte[body.length + trailer.length];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(trailer, 0, out, body.length, trailer.length);
        return out;
    }

    private static boolean looksLikeHeartbeat(byte[] p) {
        return p.length >= 4 && (p[0] == '#' || p[0] == '>') && p[1] == p[0] && p[2] == p[0] && p[3] == '\n';
    }

    private static String show(byte[] frame) {
        return new String(frame, StandardCharsets.ISO_8859_1).replace("\n", "\\n");
    }
}
