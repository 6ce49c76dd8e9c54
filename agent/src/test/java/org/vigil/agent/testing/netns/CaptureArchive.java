package org.vigil.agent.testing.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Saves captured Heartbeat datagrams for codec tests: {@code DIR/NNN.bin} (the raw UDP payload) and
 * {@code DIR/index.tsv} (one line per saved packet). To keep the files small, every message
 * is kept except repetitive ones (status, NS_ackmsg): of those, the first few per sender, each change
 * of {@code st}/{@code dt}, and the last one.
 */
public final class CaptureArchive {
    private static final int PER_SENDER = 4;
    private static final Set<String> REPETITIVE = Set.of("status", "NS_ackmsg");
    private static final Set<String> HIDDEN = Set.of("t", "src", "ts", "hg", "ld", "ttl", "auth");
    private static final int MAX_PACKETS = 150;

    private CaptureArchive() {
    }

    private static boolean sameType(Pcap.UdpPacket p, String type) {
        try {
            return WirePeek.parse(p.payload()).type().equals(type);
        } catch (RuntimeException e) {
            return false;
        }
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
            StringBuilder index = new StringBuilder(
                    "# n\tt_ms\tfrom\tto\tbytes\tframing\tt\tfields (wire order)\tvalues (selected)\n");
            Map<String, Integer> seen = new HashMap<>();
            Map<String, String> lastSignature = new HashMap<>();
            long t0 = packets.isEmpty() ? 0 : packets.get(0).micros();
            int n = 0;
            for (int i = 0; i < packets.size() && n < MAX_PACKETS; i++) {
                Pcap.UdpPacket p = packets.get(i);
                WirePeek.Message m;
                try {
                    m = WirePeek.parse(p.payload());
                } catch (RuntimeException e) {
                    continue;
                }
                String from = names.getOrDefault(p.srcIp(), p.srcIp());
                String to = names.getOrDefault(p.dstIp(), p.dstIp());
                if (REPETITIVE.contains(m.type())) {
                    // the first few, every change of st/dt, and the sender's last one
                    String key = from + " " + m.type();
                    int count = seen.merge(key, 1, Integer::sum);
                    String signature = m.get("st").orElse("") + "/" + m.get("dt").orElse("");
                    boolean changed = !signature.equals(lastSignature.put(key, signature));
                    boolean last = packets.subList(i + 1, packets.size()).stream()
                            .noneMatch(q -> q.srcIp().equals(p.srcIp()) && sameType(q, m.type()));
                    if (count > PER_SENDER && !changed && !last) {
                        continue;
                    }
                }
                n++;
                Files.write(dir.resolve(String.format("%03d.bin", n)), p.payload());
                String values = m.fields().stream().filter(f -> f.type() == 0 && !HIDDEN.contains(f.name()))
                        .map(f -> f.name() + "=" + f.value()).collect(Collectors.joining(" "));
                index.append(n).append('\t').append((p.micros() - t0) / 1000).append('\t').append(from)
                        .append('\t').append(to).append('\t').append(p.payload().length).append('\t')
                        .append(m.framing()).append('\t').append(m.type()).append('\t')
                        .append(String.join(",", m.names())).append('\t').append(values).append('\n');
            }
            Files.writeString(dir.resolve("index.tsv"), index);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
