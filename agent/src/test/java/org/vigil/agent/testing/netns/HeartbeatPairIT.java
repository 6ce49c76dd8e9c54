package org.vigil.agent.testing.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof of the network-namespace test bed: two real Heartbeat 3.0.6 daemons (Debian package) in
 * nodes a and b see each other {@code active}, and a notices b's death (kill -9, or a graceful
 * stop with {@code shutdone}) within deadtime plus a margin. While they run, the UDP traffic is
 * captured and saved for the codec tests ({@code -Dvigil.captures.out=DIR}, default
 * {@code target/heartbeat-captures}; the committed set lives in
 * {@code src/test/resources/wire/captures}).
 */
class HeartbeatPairIT {
    private static final Duration DEADTIME = Duration.ofSeconds(1);
    /** Heartbeat checks for timeouts every 250 ms; cl_status and polling add a little. */
    private static final Duration DETECTION_MARGIN = Duration.ofMillis(1500);
    /** deadtime 1 s = 0x3e8 ms: what a node advertises in {@code dt} once its first 5 s are over. */
    private static final String SETTLED_DT = Long.toHexString(DEADTIME.toMillis());
    private static final Path CAPTURES = Path.of(System.getProperty("vigil.captures.out", "target/heartbeat-captures"));

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        HeartbeatPeer.assumeInstalled();
        Testbed.assumeCommands("tcpdump");
    }

    @Test
    void ucastSha1KillNineIsDetectedWithinDeadtime() throws IOException {
        runPair("sha1", "sha1", "vigil-test-sha1-secret", false, pair -> {
            killNineAndExpectDead(pair);
            // a graceful stop of the survivor: its shutdone still goes to b's address
            HeartbeatPeer.stop(pair.bed(), "a").orThrow();
        });
    }

    @Test
    void bcastMd5KillNineIsDetectedWithinDeadtime() throws IOException {
        runPair("md5", "md5", "vigil-test-md5-secret", true, this::killNineAndExpectDead);
    }

    @Test
    void ucastCrcLossCausesRexmitAndGracefulStopSendsShutdone() throws IOException {
        runPair("crc", "crc", "", false, pair -> {
            Testbed.Capture cap = pair.currentCapture();
            // 20 % random loss on b: sequence gaps make both sides ask for retransmissions
            pair.bed().dropRandomly("b", 20);
            try {
                Poll.until("an NS_rexmit on the wire", Duration.ofSeconds(20), Duration.ofMillis(100),
                        () -> types(cap.packets()).contains("NS_rexmit"));
            } finally {
                pair.bed().clearDrops("b");
            }
            awaitActive(pair.bed(), "a", "b");
            long t0 = System.nanoTime();
            HeartbeatPeer.stop(pair.bed(), "b").orThrow();
            Poll.until("a to report b dead after b's graceful stop", Duration.ofSeconds(10), Duration.ofMillis(50),
                    () -> HeartbeatPeer.nodeStatus(pair.bed(), "a", "b"), "dead"::equals);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf("crc: graceful stop of b -> a reports b dead after %d ms%n", took.toMillis());
            Poll.until("a to log b's shutdown notice", Duration.ofSeconds(5), Duration.ofMillis(50),
                    () -> HeartbeatPeer.log(pair.bed(), "a").contains("Received shutdown notice from 'b'"));
            assertTrue(types(cap.packets()).contains("shutdone"), "b sent no shutdone");
            HeartbeatPeer.log(pair.bed(), "b").lines()
                    .filter(l -> l.matches(".*(Comm_now_up|acquisition|shutdown|Giving up|relinquished|Heartbeat shutdown).*"))
                    .forEach(l -> System.out.println("crc: b: " + l));
        });
    }

    // ------------------------------------------------------------------------------------------

    /** What a scenario gets: the bed and the running capture. */
    private record Pair(Testbed bed, Testbed.Capture currentCapture) {
    }

    private interface Scenario {
        void run(Pair pair) throws IOException;
    }

    private void killNineAndExpectDead(Pair pair) {
        Testbed tb = pair.bed();
        long t0 = System.nanoTime();
        int killed = HeartbeatPeer.kill9(tb, "b");
        assertTrue(killed >= 1, "no heartbeat process found in node b");
        Poll.until("a to report b dead", Duration.ofSeconds(10), Duration.ofMillis(50),
                () -> HeartbeatPeer.nodeStatus(tb, "a", "b"), "dead"::equals);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("kill -9 of heartbeat on b -> a reports b dead after %d ms (deadtime %d ms)%n",
                took.toMillis(), DEADTIME.toMillis());
        assertTrue(took.compareTo(DEADTIME.plus(DETECTION_MARGIN)) <= 0,
                "b declared dead only after " + took.toMillis() + " ms");
        assertTrue(took.compareTo(DEADTIME.minusMillis(250)) >= 0,
                "b declared dead after " + took.toMillis() + " ms, before deadtime could pass");
        assertTrue(tb.pidsOf("b", "heartbeat").isEmpty(), "heartbeat processes left in b (zombies?)");
        assertTrue(HeartbeatPeer.log(tb, "a").contains("node b: is dead"), "a's log has no 'node b: is dead'");
    }

    private void runPair(String label, String method, String key, boolean bcast, Scenario scenario) throws IOException {
        long start = System.nanoTime();
        String id;
        List<Long> holders;
        List<Pcap.UdpPacket> packets = List.of();
        Map<String, String> names = Map.of();
        try (Testbed tb = Testbed.builder().nodes("a", "b").build()) {
            id = tb.id();
            holders = tb.nodes().stream().map(Testbed.Node::holderPid).toList();
            names = tb.nodes().stream().collect(Collectors.toMap(Testbed.Node::address, Testbed.Node::name));
            Testbed.Capture cap = tb.capture("udp", "port", "694");
            try {
                for (String n : List.of("a", "b")) {
                    HeartbeatPeer.Config c = HeartbeatPeer.Config.fast(tb, n, method, key);
                    HeartbeatPeer.configure(tb, n, bcast ? c.withMedia("bcast eth0") : c);
                }
                assertEquals("b", tb.exec("b", "uname", "-n").orThrow().out());
                HeartbeatPeer.start(tb, "a");
                HeartbeatPeer.start(tb, "b");
                awaitActive(tb, "a", "b");
                awaitActive(tb, "b", "a");
                System.out.printf("%s: both nodes active after %d ms%n", label,
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                // For its first 5 s a node advertises dt = deadtime + 2 s; kill only once b
                // advertises the configured deadtime, so the detection bound below is exact.
                String bAddress = tb.node("b").address();
                Poll.until("b to advertise dt=" + SETTLED_DT, Duration.ofSeconds(15), Duration.ofMillis(100),
                        () -> cap.packets().stream().filter(p -> p.srcIp().equals(bAddress))
                                .map(p -> WirePeek.parse(p.payload()))
                                .anyMatch(m -> m.type().equals("status") && m.get("dt").orElse("").equals(SETTLED_DT)));
                scenario.run(new Pair(tb, cap));
                packets = cap.packets();
                assertTrue(types(packets).containsAll(Set.of("status", "reqnodes", "repnodes")),
                        "expected status, reqnodes and repnodes on the wire, saw " + types(packets));
            } catch (AssertionError | RuntimeException e) {
                for (String n : List.of("a", "b")) {
                    System.out.println("----- ha-log of " + n + " -----\n" + HeartbeatPeer.log(tb, n));
                }
                throw e;
            } finally {
                cap.stop();
                packets = cap.packets();
            }
        }
        // everything the bed made is gone: namespaces, holders and with them every heartbeat
        List<String> left = Testbed.listNamespaces().stream().filter(ns -> ns.startsWith(id)).toList();
        assertTrue(left.isEmpty(), "namespaces left behind: " + left);
        for (long pid : holders) {
            assertFalse(ProcessHandle.of(pid).isPresent(), "holder " + pid + " still running");
        }
        archive(label, method, key, packets, names);
        System.out.printf("%s: whole case took %d ms, %d packets captured%n", label,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), packets.size());
    }

    private static void awaitActive(Testbed tb, String from, String of) {
        Poll.until(from + " to see " + of + " active", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> HeartbeatPeer.nodeStatus(tb, from, of), "active"::equals);
    }

    private static Set<String> types(List<Pcap.UdpPacket> packets) {
        Set<String> types = new TreeSet<>();
        for (Pcap.UdpPacket p : packets) {
            try {
                types.add(WirePeek.parse(p.payload()).type());
            } catch (RuntimeException ignored) {
                // not a heartbeat message
            }
        }
        return types;
    }

    private static void archive(String label, String method, String key, List<Pcap.UdpPacket> packets,
                                Map<String, String> names) throws IOException {
        Path dir = CAPTURES.resolve(label);
        int saved = CaptureArchive.write(packets, dir, names);
        Path keys = CAPTURES.resolve("authkeys-" + label);
        Files.writeString(keys, "auth 1\n1 " + method + (key.isEmpty() ? "" : " " + key) + "\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        System.out.printf("%s: saved %d of %d packets to %s (types %s)%n", label, saved, packets.size(),
                dir.toAbsolutePath(), types(packets));
    }
}
