package org.vigil.agent.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * Runs {@code vigil run} (this JVM's class path, so the code under test) inside test-bed nodes
 * and reads what it logs. Shared by {@code ThreeNodeIT} and the membership benchmark so that
 * both start nodes exactly as an operator would: config in the node's /etc/ha.d, state in its
 * own /var/lib/heartbeat, log in its own /var/log/ha-log.
 */
public final class VigilInBed {

    public static final String RUN_MAIN = "org.vigil.agent.cli.VigilCommand";

    private VigilInBed() {
    }

    /** {@code vigil run} in {@code node}; {@code main} lets the benchmark use its allocating wrapper. */
    public static Testbed.Spawned start(Testbed tb, String node, List<String> jvmArgs, String main) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main, "run",
                "--config-dir", "/etc/ha.d", "--state-dir", "/var/lib/heartbeat/vigil"));
        return tb.spawn(node, cmd.toArray(String[]::new));
    }

    public static Testbed.Spawned start(Testbed tb, String node) {
        return start(tb, node, List.of(), RUN_MAIN);
    }

    /** The node's ha.cf logfile; the node's /var/log is private, so it is Vigil's alone. */
    public static String log(Testbed tb, String node) {
        return HeartbeatPeer.log(tb, node);
    }

    public static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** How often {@code needle} occurs in the node's log now. */
    public static int count(Testbed tb, String node, String needle) {
        return count(log(tb, node), needle);
    }

    /** Waits until the node's log holds {@code needle} more than {@code before} times. */
    public static void awaitMore(Testbed tb, String node, String needle, int before, Duration timeout) {
        Poll.until("[" + needle + "] in " + node + "'s log (more than " + before + ")", timeout, Duration.ofMillis(20),
                () -> count(tb, node, needle) > before);
    }

    /** Sleeps without a bare Thread.sleep in tests: a bounded Poll that just lets time pass. */
    public static void sleepAtLeast(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        Poll.until("time to pass", d.plusSeconds(5), Duration.ofMillis(50), () -> System.nanoTime() - end >= 0);
    }
}
