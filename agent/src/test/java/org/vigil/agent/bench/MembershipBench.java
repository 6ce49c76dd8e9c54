package org.vigil.agent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Testbed;

/**
 * The membership benchmark (not a test: {@code bin/bench-membership} runs it). Two Vigil nodes
 * ({@code vigil run}) over real UDP in the network-namespace test bed:
 * <ul>
 * <li><b>detection latency</b>: kill -9 of one node's JVM to {@code node X: is dead} on the
 * survivor's stderr, repeated, at keepalive 1 s / deadtime 5 s and 100 ms / 300 ms;</li>
 * <li><b>false deaths</b>: both timing pairs side by side for a while with both cores spinning and
 * every JVM allocating hard, counting {@code is dead} and {@code Late heartbeat} lines (no fault
 * is injected, so every death is false).</li>
 * </ul>
 * Arguments ({@code key=value}): {@code parts=latency,false-deaths}, {@code repsSlow=10},
 * {@code repsFast=30}, {@code falseDeathSeconds=600}, {@code allocMBps=200}.
 */
public final class MembershipBench {

    /**
     * A node advertises deadtime + 2 s during its first 5 s, so the kill waits until 6 s after the
     * survivor saw it active (which is after its start) plus one keepalive, by which time a
     * heartbeat with the plain deadtime has arrived; killing earlier would measure deadtime + 2 s.
     */
    private static final Duration ADVERTISE_PHASE = Duration.ofSeconds(6);
    private static final String KEY = "vigil-bench-key";

    private record Timing(String label, String keepalive, String deadtime, String warntime, String initdead, long deadtimeMs,
            long keepaliveMs) {
        Duration keepaliveDuration() {
            return Duration.ofMillis(keepaliveMs);
        }
    }

    static final Timing SLOW = new Timing("keepalive 1 s, deadtime 5 s", "1", "5", "3", "10", 5000, 1000);
    static final Timing FAST = new Timing("keepalive 100 ms, deadtime 300 ms", "100ms", "300ms", "200ms", "2", 300, 100);

    private MembershipBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("parts", "latency,false-deaths", "repsSlow", "10", "repsFast", "30",
                "falseDeathSeconds", "600", "allocMBps", "200"));
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0 || !opt.containsKey(a.substring(0, eq))) {
                throw new IllegalArgumentException("unknown argument " + a + "; known: " + opt.keySet());
            }
            opt.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Testbed.reapLeftovers();
        System.out.println("# membership benchmark " + opt);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, kernel "
                + Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip() + ", JDK " + System.getProperty("java.vm.version"));
        if (opt.get("parts").contains("latency")) {
            latency(SLOW, Integer.parseInt(opt.get("repsSlow")));
            latency(FAST, Integer.parseInt(opt.get("repsFast")));
        }
        if (opt.get("parts").contains("false-deaths")) {
            falseDeaths(Integer.parseInt(opt.get("falseDeathSeconds")), Integer.parseInt(opt.get("allocMBps")));
        }
    }

    private static HeartbeatPeer.Config config(Timing t, List<String> nodes, String peer) {
        return new HeartbeatPeer.Config(t.keepalive, t.deadtime, t.warntime, t.initdead, List.of("ucast eth0 " + peer),
                nodes, "sha256", KEY, "");
    }

    // ------------------------------------------------------------------------------------------
    // detection latency

    private static void latency(Timing t, int reps) {
        System.out.println("\n## detection latency, " + t.label + ", " + reps + " kills of a's JVM, b observes");
        List<Long> latencies = new ArrayList<>();
        java.util.Random random = new java.util.Random(reps * 31L + t.keepaliveMs);
        try (Testbed tb = Testbed.builder().nodes("a", "b").build()) {
            List<String> nodes = List.of("a", "b");
            HeartbeatPeer.configure(tb, "a", config(t, nodes, tb.node("b").address()));
            HeartbeatPeer.configure(tb, "b", config(t, nodes, tb.node("a").address()));
            Testbed.Spawned b = VigilInBed.start(tb, "b");
            LogTail survivor = new LogTail(b.logFile());
            for (int rep = 1; rep <= reps; rep++) {
                Testbed.Spawned a = VigilInBed.start(tb, "a");
                long active = survivor.await("Status update for node a: status active", 60_000);
                if (active < 0) {
                    throw new IllegalStateException("b never saw a active:\n" + b.output());
                }
                VigilInBed.sleepAtLeast(ADVERTISE_PHASE.plus(t.keepaliveDuration()).minusNanos(System.nanoTime() - active));
                // The wait above is anchored on a received heartbeat, so without this the kill would
                // always fall at the same point of a's keepalive cycle; a real fault strikes at any.
                long phase = (long) (random.nextDouble() * t.keepaliveMs * 1_000_000);
                java.util.concurrent.locks.LockSupport.parkNanos(phase);
                survivor.skipToEnd();
                long t0 = System.nanoTime();
                a.kill9();
                long seen = survivor.await("node a: is dead", t.deadtimeMs + 30_000);
                if (seen < 0) {
                    throw new IllegalStateException("b did not declare a dead:\n" + b.output());
                }
                long ms = (seen - t0) / 1_000_000;
                latencies.add(ms);
                System.out.printf("rep %d: kill -9 -> 'node a: is dead' %d ms (deadtime + %d ms)%n", rep, ms, ms - t.deadtimeMs);
            }
            b.kill9();
        }
        Stats s = Stats.of(latencies);
        List<Long> over = latencies.stream().map(l -> l - t.deadtimeMs).toList();
        System.out.printf("RESULT latency %s: n=%d, ms min/median/p90/max = %s; minus deadtime = %s; raw %s%n", t.label, s.n(), s,
                Stats.of(over), latencies);
    }

    // ------------------------------------------------------------------------------------------
    // false deaths under CPU and allocation load

    private static void falseDeaths(int seconds, int allocMBps) {
        System.out.println("\n## false deaths: " + seconds + " s, pairs (a,b) " + FAST.label + " and (c,d) " + SLOW.label
                + ", 2 busy loops, every JVM allocating " + allocMBps + " MB/s");
        try (Testbed tb = Testbed.builder().nodes("a", "b", "c", "d").build()) {
            // ucast only to the own peer: the two pairs share the bridge but never hear each other
            HeartbeatPeer.configure(tb, "a", config(FAST, List.of("a", "b"), tb.node("b").address()));
            HeartbeatPeer.configure(tb, "b", config(FAST, List.of("a", "b"), tb.node("a").address()));
            HeartbeatPeer.configure(tb, "c", config(SLOW, List.of("c", "d"), tb.node("d").address()));
            HeartbeatPeer.configure(tb, "d", config(SLOW, List.of("c", "d"), tb.node("c").address()));
            Map<String, Testbed.Spawned> vigil = new HashMap<>();
            for (String n : List.of("a", "b", "c", "d")) {
                vigil.put(n, VigilInBed.start(tb, n, List.of("-Dvigil.bench.allocMBps=" + allocMBps), AllocatingVigil.class.getName()));
            }
            for (String[] pair : new String[][] {{"a", "b"}, {"b", "a"}, {"c", "d"}, {"d", "c"}}) {
                VigilInBed.awaitMore(tb, pair[0], "Status update for node " + pair[1] + ": status active", 0, Duration.ofSeconds(60));
            }
            // the busy loops run inside nodes, so the bed's clean-up ends them whatever happens
            tb.spawn("a", "sh", "-c", "while :; do :; done");
            tb.spawn("c", "sh", "-c", "while :; do :; done");
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() - end < 0) {
                VigilInBed.sleepAtLeast(Duration.ofNanos(Math.min(Duration.ofSeconds(60).toNanos(), end - System.nanoTime())));
                System.out.println("  ... " + summary(tb, "a", FAST) + "; " + summary(tb, "c", SLOW) + "; load "
                        + loadavg());
            }
            for (String n : List.of("a", "b", "c", "d")) {
                String out = vigil.get(n).output();
                List<String> rates = grep(out, "bench-allocator: ");
                System.out.printf("RESULT false-deaths node %s (%s): 'is dead' %d, 'Late heartbeat' %d, longest late interval %s ms,"
                        + " allocator last said: %s%n", n, n.equals("a") || n.equals("b") ? FAST.label : SLOW.label,
                        VigilInBed.count(VigilInBed.log(tb, n), ": is dead"), VigilInBed.count(VigilInBed.log(tb, n), "Late heartbeat"),
                        longestLate(VigilInBed.log(tb, n)), rates.isEmpty() ? "(nothing)" : rates.get(rates.size() - 1));
                grep(VigilInBed.log(tb, n), ": is dead").forEach(l -> System.out.println("    " + l));
            }
        }
    }

    private static String summary(Testbed tb, String node, Timing t) {
        String log = VigilInBed.log(tb, node);
        return node + " (" + t.keepalive + "/" + t.deadtime + "): " + VigilInBed.count(log, ": is dead") + " dead, "
                + VigilInBed.count(log, "Late heartbeat") + " late";
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static long longestLate(String log) {
        Matcher m = Pattern.compile("Late heartbeat: Node \\S+: interval (\\d+) ms").matcher(log);
        long max = 0;
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max;
    }

    private static List<String> grep(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).toList();
    }
}
