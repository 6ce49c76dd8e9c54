package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * A Vigil node and a real Heartbeat 3.0.6 node (Debian package) with the same ha.cf and authkeys:
 * each sees the other {@code active} (cl_status on the Heartbeat side, Vigil's log on ours), each
 * detects the other's kill -9 within its deadtime plus a margin, each sees the other return, and
 * a graceful Vigil stop is noticed at once through {@code shutdone}. For sha1, md5 and crc, over
 * ucast and bcast.
 */
class HeartbeatInteropIT {

    private static final long DEADTIME_MS = 1000;
    /** Both sides check every 250 ms; polling cl_status adds a little. */
    private static final long MARGIN_MS = 1500;
    /** A node advertises deadtime + 2 s for its first 5 s: kill only after that. */
    private static final Duration SETTLE = Duration.ofSeconds(6);

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        HeartbeatPeer.assumeInstalled();
    }

    @Test
    void ucastSha1() {
        interop("sha1", "vigil-interop-sha1-key", false);
    }

    @Test
    void bcastMd5() {
        interop("md5", "vigil-interop-md5-key", true);
    }

    @Test
    void ucastCrc() {
        interop("crc", "", false);
    }

    /**
     * Under 20 % loss each side asks the other to retransmit; Vigil answers from its history, so
     * Heartbeat never loses one of Vigil's messages for good, and Vigil recovers Heartbeat's.
     */
    @Test
    void lossIsRepairedByRetransmission() {
        try (Testbed tb = Testbed.builder().nodes("a", "b").build()) {
            for (String node : new String[] {"a", "b"}) {
                HeartbeatPeer.configure(tb, node, HeartbeatPeer.Config.fast(tb, node, "sha1", "rexmit-key"));
            }
            HeartbeatPeer.start(tb, "a");
            Testbed.Spawned vigil = startVigil(tb);
            awaitBothActive(tb, vigil, 1);
            tb.dropRandomly("b", 20);
            try {
                Poll.until("Vigil to notice lost packets", Duration.ofSeconds(30), Duration.ofMillis(100),
                        () -> log(tb).contains("lost packet(s) for [a]"));
                Poll.until("Heartbeat to ask Vigil for a retransmission", Duration.ofSeconds(30), Duration.ofMillis(100),
                        () -> HeartbeatPeer.log(tb, "a").contains("lost packet(s) for [b]"));
                sleepAtLeast(Duration.ofSeconds(3));
            } finally {
                tb.clearDrops("b");
            }
            Poll.until("Vigil to recover every missing packet", Duration.ofSeconds(15), Duration.ofMillis(100),
                    () -> log(tb).contains("No pkts missing from a!"));
            sleepAtLeast(Duration.ofSeconds(2));
            String heartbeat = HeartbeatPeer.log(tb, "a");
            assertTrue(!heartbeat.contains("Irretrievably lost packet"), "Heartbeat lost a message for good:\n" + heartbeat);
            assertTrue(HeartbeatPeer.nodeStatus(tb, "a", "b").equals("active"), "still active after the loss");
            vigil.signal("TERM");
        }
    }

    private void interop(String method, String key, boolean bcast) {
        try (Testbed tb = Testbed.builder().nodes("a", "b").build()) {
            for (String node : new String[] {"a", "b"}) {
                HeartbeatPeer.Config c = HeartbeatPeer.Config.fast(tb, node, method, key);
                HeartbeatPeer.configure(tb, node, bcast ? c.withMedia("bcast eth0") : c);
            }
            HeartbeatPeer.start(tb, "a");
            Testbed.Spawned vigil = startVigil(tb);
            awaitBothActive(tb, vigil, 1);
            String status = vigilCli(tb, "status", "--state-dir", "/var/lib/heartbeat/vigil");
            assertTrue(status.contains("local node b: active") && status.contains("node a: active"), status);

            sleepAtLeast(SETTLE);
            long t0 = System.nanoTime();
            vigil.kill9();
            Poll.until("Heartbeat to report Vigil dead", Duration.ofSeconds(10), Duration.ofMillis(50),
                    () -> HeartbeatPeer.nodeStatus(tb, "a", "b"), "dead"::equals);
            long heartbeatSaw = elapsedMs(t0);
            assertTrue(heartbeatSaw <= DEADTIME_MS + MARGIN_MS, "Heartbeat noticed Vigil's death after " + heartbeatSaw + " ms");

            vigil = startVigil(tb);
            awaitBothActive(tb, vigil, 2);

            sleepAtLeast(SETTLE);
            t0 = System.nanoTime();
            HeartbeatPeer.kill9(tb, "a");
            Testbed.Spawned v = vigil;
            Poll.until("Vigil to declare a dead", Duration.ofSeconds(10), Duration.ofMillis(20),
                    () -> log(tb).contains("node a: is dead"));
            long vigilSaw = elapsedMs(t0);
            assertTrue(vigilSaw <= DEADTIME_MS + MARGIN_MS, "Vigil noticed Heartbeat's death after " + vigilSaw + " ms\n" + log(tb));

            HeartbeatPeer.start(tb, "a");
            Poll.until("Vigil to see a active again", Duration.ofSeconds(40), Duration.ofMillis(100),
                    () -> count(log(tb), "Status update for node a: status active") >= 3);

            vigil.signal("TERM");
            t0 = System.nanoTime();
            Poll.until("Heartbeat to log Vigil's shutdown notice", Duration.ofSeconds(10), Duration.ofMillis(50),
                    () -> HeartbeatPeer.log(tb, "a").contains("Received shutdown notice from 'b'"));
            System.out.printf("interop %s %s: Heartbeat saw Vigil die after %d ms, Vigil saw Heartbeat die after %d ms,"
                    + " shutdown notice after %d ms%n", method, bcast ? "bcast" : "ucast", heartbeatSaw, vigilSaw, elapsedMs(t0));
            assertTrue(v.waitFor(Duration.ofSeconds(10)) == 0, "vigil run exits 0 after SIGTERM:\n" + v.output());
        }
    }

    private static Testbed.Spawned startVigil(Testbed tb) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return tb.spawn("b", java, "-cp", System.getProperty("java.class.path"), "org.vigil.agent.cli.VigilCommand", "run",
                "--config-dir", "/etc/ha.d", "--state-dir", "/var/lib/heartbeat/vigil");
    }

    private static void awaitBothActive(Testbed tb, Testbed.Spawned vigil, int times) {
        Poll.until("Heartbeat to see Vigil active", Duration.ofSeconds(40), Duration.ofMillis(100),
                () -> HeartbeatPeer.nodeStatus(tb, "a", "b") + "\n" + vigil.output(), s -> s.startsWith("active"));
        Poll.until("Vigil to see Heartbeat active", Duration.ofSeconds(40), Duration.ofMillis(100),
                () -> count(log(tb), "Status update for node a: status active") >= times);
    }

    /** Runs the vigil command line inside node b, as an operator would there. */
    private static String vigilCli(Testbed tb, String... args) {
        String jvm = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(jvm, "-cp", System.getProperty("java.class.path"),
                "org.vigil.agent.cli.VigilCommand"));
        cmd.addAll(List.of(args));
        return tb.exec("b", cmd.toArray(String[]::new)).out();
    }

    /** Vigil logs to the ha.cf logfile, which it shares with nothing: a's is in a's own /var/log. */
    private static String log(Testbed tb) {
        return HeartbeatPeer.log(tb, "b");
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void sleepAtLeast(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        Poll.until("time to pass", d.plusSeconds(5), Duration.ofMillis(100), () -> System.nanoTime() - end >= 0);
    }
}
