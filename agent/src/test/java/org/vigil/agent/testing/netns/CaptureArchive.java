package org.vigil.agent.testing.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Saves captured Heartbeat datagrams for codec tests: {@code DIR/NNN.bin} (the raw UDP payload) and
 * {@code DIR/index.tsv} (one line per saved packet). To keep the files small, every non-status
 * message is kept but only the first few status messages per sender and each change of {@code st}.
 */
public final class CaptureArchive {
    private static final int STATUS_PER_SENDER = 4;
    private static final int MAX_PACKETS = 120;

    private CaptureArchive() {
    }

    /**
     * @param names maps IP addresses to node names for the index
     * @return how many packets were saved
     */
    public static int write(List<Pcap.UdpPacket> packets, Path dir, Map<String, String> names) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.getFileName().toString().matches("\\d{3}\\.bin|index\\.tsv")).toList()) {
                    Files.delete(p);
                }
            }
            StringBuilder index = new StringBuilder("# n\tt_ms\tfrom\tto\tbytes\tframing\tt\tst\tfields (wire order)\n");
            Map<String, Integer> statusCount = new HashMap<>();
            Map<String, String> lastSt = new HashMap<>();
            long t0 = packets.isEmpty() ? 0 : packets.get(0).micros();
            int n = 0;
            for (Pcap.UdpPacket p : packets) {
                if (n >= MAX_PACKETS) {
                    break;
                }
                WirePeek.Message m;
                try {
                    m = WirePeek.parse(p.payload());
                } catch (RuntimeException e) {
                    continue;
                }
                String from = names.getOrDefault(p.srcIp(), p.srcIp());
                String to = names.getOrDefault(p.dstIp(), p.dstIp());
                if (m.type().equals("status")) {
                    String st = m.get("st").orElse("?");
                    int seen = statusCount.merge(from, 1, Integer::sum);
                    boolean changed = !st.equals(lastSt.put(from, st));
                    if (seen > STATUS_PER_SENDER && !changed) {
                        continue;
                    }
                }
                n++;
                Files.write(dir.resolve(String.format("%03d.bin", n)), p.payload());
                index.append(n).append('\t').append((p.micros() - t0) / 1000).append('\t').append(from)
                        .append('\t').append(to).append('\t').append(p.payload().length).append('\t')
                        .append(m.framing()).append('\t').append(m.type()).append('\t')
                        .append(m.get("st").orElse("-")).append('\t').append(String.join(",", m.names()))
                        .append('\n');
            }
            Files.writeString(dir.resolve("index.tsv"), index);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
