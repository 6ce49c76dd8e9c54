package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Bad input never hurts: two Vigil nodes keep each other active while a third namespace floods
 * one of them with garbage, truncated frames, wrongly keyed frames, a signed heartbeat from a
 * node not in ha.cf and lying netstring lengths. Every drop is counted by reason (vigil status)
 * and the log stays short (rate-limited lines naming the sender).
 */
class BadPacketsIT {

    private static final String KEY = "bad-packets-key";

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
    }

    @Test
    void hostileTraffic_isCountedByReason_andHurtsNothing() {
        try (Testbed tb = Testbed.builder().nodes("a", "b", "c").build()) {
            for (String node : new String[] {"a", "b"}) {
                HeartbeatPeer.Config c = HeartbeatPeer.Config.fast(tb, node, "sha1", KEY);
                HeartbeatPeer.configure(tb, node, new HeartbeatPeer.Config(c.keepalive(), c.deadtime(), c.warntime(),
                        c.initdead(), List.of("ucast eth0 " + tb.node(node.equals("a") ? "b" : "a").address()),
                        List.of("a", "b"), "sha1", KEY, ""));
            }
            Testbed.Spawned a = vigil(tb, "a", "run", "--config-dir", "/etc/ha.d", "--state-dir", "/var/lib/heartbeat/vigil");
            Testbed.Spawned b = vigil(tb, "b", "run", "--config-dir", "/etc/ha.d", "--state-dir", "/var/lib/heartbeat/vigil");
            Poll.until("a and b active", Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> status(tb, "b").contains("node a: active") && status(tb, "a").contains("node b: active"));

            String injected = tb.exec("c", Duration.ofSeconds(60), cli("inject", tb.node("b").address(), "694", KEY, "200")).out();
            assertTrue(injected.contains("SENT 1000"), injected);
            // UDP may lose a few under load: at least 95 % of each kind must be counted.
            Poll.until("b to count the drops", Duration.ofSeconds(10), Duration.ofMillis(100),
                    () -> count(status(tb, "b"), "(unknown_node) (\\d+)") >= 190);
            String report = status(tb, "b");
            System.out.println("BadPacketsIT, b after 1,000 hostile packets:\n" + report);
            assertTrue(report.contains("node a: active"), report);
            assertTrue(count(report, "(bad_auth) (\\d+)") >= 190, report);
            assertTrue(count(report, "(unknown_framing|malformed|truncated|bad_length|missing_trailer) (\\d+)") >= 570, report);
            assertTrue(status(tb, "a").contains("node b: active"), "a never lost b");
            String log = HeartbeatPeer.log(tb, "b");
            assertEquals(1, count(log, "bad node \\[zed\\] in message from " + Pattern.quote(tb.node("c").address())),
                    "one rate-limited line for 200 packets from zed:\n" + log);
            assertTrue(log.lines().count() < 80, "the log stays short: " + log.lines().count() + " lines");
            assertTrue(a.isAlive() && b.isAlive());
        }
    }

    /** Sum of group 2 over all matches when the pattern has two groups, else the match count. */
    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n += m.groupCount() >= 2 ? Integer.parseInt(m.group(2)) : 1;
        }
        return n;
    }

    private static String status(Testbed tb, String node) {
        return tb.exec(node, cli("status", "--state-dir", "/var/lib/heartbeat/vigil")).out();
    }

    private static String[] cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path")));
        if (args[0].equals("inject")) {
            cmd.add(PacketInjector.class.getName());
            cmd.addAll(List.of(args).subList(1, args.length));
        } else {
            cmd.add("org.vigil.agent.cli.VigilCommand");
            cmd.addAll(List.of(args));
        }
        return cmd.toArray(String[]::new);
    }

    private static Testbed.Spawned vigil(Testbed tb, String node, String... args) {
        return tb.spawn(node, cli(args));
    }
}
