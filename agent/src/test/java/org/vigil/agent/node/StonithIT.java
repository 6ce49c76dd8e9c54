package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * Split brain with and without fencing, through cluster-glue's real {@code stonith} command. Only
 * the heartbeat path between a and b is cut (nftables on the bed's bridge drops UDP between them); both
 * nodes stay up and reachable by the client. b declares a dead and must fence it before it adds
 * the VIP.
 *
 * <p>The fencing device is the test resource {@code stonith/vigil-test-switch}, an external
 * plugin installed only in b's private copy of {@code /usr/lib/stonith/plugins/external}. On
 * {@code reset a} it writes a request into a spool directory under b's {@code /var/log} and waits
 * until the test has "power-cycled" a (kill -9 of its agent, its addresses removed) and written
 * the done file.
 */
class StonithIT {

    private static final String PLUGINS = "/usr/lib/stonith/plugins/external";
    private static final String SWITCH = "vigil-test-switch";
    private static final String SPOOL = "/var/log/power-switch";
    private static final long DEADTIME_MS = 2000;
    /** Detection tick, then stonith reaching the plugin's reset (it asks getconfignames first). */
    private static final long BOUND_MS = 1500;
    /** How long the switch keeps b waiting before the power-cycle: the VIP must not appear meanwhile. */
    private static final long FENCE_HOLD_MS = 1500;

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        Testbed.assumeCommands("python3", "arping", "nft", "stonith");
    }

    @Test
    void splitBrainFencesTheOtherNodeBeforeTakingOver() {
        try (Testbed tb = bed()) {
            VipPair pair = new VipPair(tb);
            pair.configure("auto_failback on\nstonith_host b external/" + SWITCH + " " + SPOOL + "\n");
            installSwitchOn(tb, "b");
            run(tb, pair, this::fencedTakeover);
        }
    }

    @Test
    void failedFencingKeepsTheVipOffTheSurvivor() {
        try (Testbed tb = bed()) {
            VipPair pair = new VipPair(tb);
            pair.configure("auto_failback on\nstonith_host b external/" + SWITCH + " " + SPOOL + "\n");
            installSwitchOn(tb, "b");
            write(tb.node("b").hostPath(SPOOL + "/fail"), "the switch does not answer\n");
            run(tb, pair, this::failedFencing);
        }
    }

    @Test
    void withoutStonithBothNodesHoldTheVip() {
        try (Testbed tb = bed()) {
            VipPair pair = new VipPair(tb);
            pair.configure("auto_failback on\n");
            run(tb, pair, this::unprotectedTakeover);
        }
    }

    private interface Scenario {
        String run(Testbed tb, VipPair pair, Testbed.Spawned[] agents, Testbed.Spawned client,
                Testbed.Spawned vipWatch);
    }

    private static Testbed bed() {
        return Testbed.builder().nodes("a", "b").withClient().privateCopy(PLUGINS).build();
    }

    /** Starts both agents and the client, waits for a steady state on a, runs the scenario, prints its figures. */
    private static void run(Testbed tb, VipPair pair, Scenario scenario) {
        pair.startWebServers();
        Testbed.Spawned[] agents = {FailoverIT.start(tb, "a"), FailoverIT.start(tb, "b")};
        try {
            Testbed.Spawned client = pair.startClient();
            FailoverIT.awaitAnswersFrom(client, "a", System.currentTimeMillis(), 40_000);
            FailoverIT.settle();
            Testbed.Spawned vipWatch = tb.spawn("b", "ip", "-o", "monitor", "address");
            System.out.println("StonithIT (keepalive 200 ms, deadtime 2 s, client every 20 ms): "
                    + scenario.run(tb, pair, agents, client, vipWatch));
        } catch (AssertionError | RuntimeException e) {
            System.out.println(pair.diagnostics(agents));
            throw e;
        }
    }

    /** (a) b fences a, the test power-cycles a, only then does b add the VIP. */
    private String fencedTakeover(Testbed tb, VipPair pair, Testbed.Spawned[] agents, Testbed.Spawned client,
            Testbed.Spawned vipWatch) {
        long cut = cutHeartbeats(tb);
        long requested = awaitResetRequest(tb, cut, DEADTIME_MS + BOUND_MS + 5000);
        assertTrue(requested <= DEADTIME_MS + BOUND_MS, "b asked the switch to reset a after " + requested + " ms");
        FailoverIT.sleep(FENCE_HOLD_MS); // the switch is slow: b must keep waiting
        assertFalse(addedOnB(pair, vipWatch), "b added the VIP while a was being fenced");
        assertEquals(List.of("a"), ClientLog.parse(client.output()).answeredBy(cut, System.currentTimeMillis()),
                "a kept serving until it was fenced");

        powerCycle(tb, agents, "a");
        long done = System.currentTimeMillis();
        assertFalse(addedOnB(pair, vipWatch), "the VIP appeared on b before the fence completed");
        write(tb.node("b").hostPath(SPOOL + "/reset-a.done"), "power-cycled\n");
        long answered = FailoverIT.awaitAnswersFrom(client, "b", done, 20_000);
        assertTrue(pair.vipOn("b"), "b holds the VIP");
        Poll.until("the address monitor in b to report the VIP", Duration.ofSeconds(5), Duration.ofMillis(20),
                () -> addedOnB(pair, vipWatch)); // the watch works, so its silence before counted
        long outage = ClientLog.parse(client.output()).longestOutage(cut, System.currentTimeMillis());
        String log = pair.log("b");
        assertTrue(log.indexOf("Resetting node a with STONITH") < log.indexOf("Node a reset by STONITH.")
                && log.indexOf("Node a reset by STONITH.") < log.indexOf("Acquiring resource group"),
                "b's log: fence requested, fence done, then acquisition");
        assertEquals(1, pair.countInLog("b", "Acquiring resource group"), "one acquisition on b");
        FailoverIT.settle();
        assertEquals(List.of("b"), ClientLog.parse(client.output()).answeredBy(System.currentTimeMillis() - 1500,
                System.currentTimeMillis()), "only b answers");
        return "heartbeats cut: reset of a requested after " + requested + " ms, switch held " + FENCE_HOLD_MS
                + " ms; after the power-cycle b answered in " + answered + " ms (longest client outage "
                + outage + " ms)";
    }

    /** (b) The switch fails: b says so and takes nothing; a keeps serving. */
    private String failedFencing(Testbed tb, VipPair pair, Testbed.Spawned[] agents, Testbed.Spawned client,
            Testbed.Spawned vipWatch) {
        long cut = cutHeartbeats(tb);
        String crit = "CRIT: STONITH of node a failed: not taking over its resources.";
        Poll.until("b to log that fencing failed", Duration.ofMillis(DEADTIME_MS + BOUND_MS + 8000),
                Duration.ofMillis(50), () -> pair.log("b").contains(crit));
        long logged = System.currentTimeMillis() - cut;
        assertTrue(Files.exists(tb.node("b").hostPath(SPOOL + "/reset-a.request")), "b did try the switch");
        FailoverIT.settle(); // long enough for any takeover to show
        long end = System.currentTimeMillis();
        assertFalse(addedOnB(pair, vipWatch), "b added the VIP although fencing failed");
        assertFalse(pair.vipOn("b"), "b does not hold the VIP");
        assertTrue(pair.vipOn("a"), "a still holds the VIP");
        assertEquals(List.of("a"), ClientLog.parse(client.output()).answeredBy(cut, end), "only a answered");
        assertEquals(0, pair.countInLog("b", "Acquiring resource group"), "b acquired nothing");
        return "heartbeats cut, switch fails: CRIT logged after " + logged + " ms; VIP never on b, a answered for "
                + (end - cut) + " ms";
    }

    /** (c) No STONITH: Heartbeat's two warnings, and b takes the VIP while a still holds it. */
    private String unprotectedTakeover(Testbed tb, VipPair pair, Testbed.Spawned[] agents, Testbed.Spawned client,
            Testbed.Spawned vipWatch) {
        long cut = cutHeartbeats(tb);
        Poll.until("b to add the VIP", Duration.ofMillis(DEADTIME_MS + BOUND_MS + 5000), Duration.ofMillis(20),
                () -> pair.vipOn("b"));
        long taken = System.currentTimeMillis() - cut;
        String log = pair.log("b");
        assertTrue(log.contains("WARN: No STONITH device configured."), "first warning");
        assertTrue(log.contains("WARN: Shared disks are not protected."), "second warning");
        assertTrue(pair.vipOn("a"), "a keeps the VIP too: split brain without fencing");
        return "heartbeats cut without STONITH: warnings logged, VIP on b after " + taken
                + " ms while a still holds it";
    }

    /**
     * Drops every UDP packet between a and b on the bed's bridge: the heartbeat path is cut in
     * the network (packets vanish, as on a broken link) while HTTP and ARP still pass.
     */
    private static long cutHeartbeats(Testbed tb) {
        String a = tb.node("a").address();
        String b = tb.node("b").address();
        Path rules = tb.runDir().resolve("cut-heartbeats.rules");
        write(rules, "table bridge vigil_cut {\n"
                + "  chain forward { type filter hook forward priority 0;\n"
                + "    ip saddr " + a + " ip daddr " + b + " ip protocol udp drop;\n"
                + "    ip saddr " + b + " ip daddr " + a + " ip protocol udp drop; }\n"
                + "}\n");
        long t = System.currentTimeMillis();
        tb.execSwitch("nft", "-f", rules.toString()).orThrow();
        return t;
    }

    /** Waits for the switch's request file; returns ms after {@code since}. */
    private static long awaitResetRequest(Testbed tb, long since, long limitMs) {
        Path request = tb.node("b").hostPath(SPOOL + "/reset-a.request");
        Poll.until("b to ask the switch to reset a", Duration.ofMillis(limitMs), Duration.ofMillis(20),
                () -> Files.exists(request));
        return System.currentTimeMillis() - since;
    }

    /** What the switch would do: a's agent dies at once and the node's addresses are gone. */
    private static void powerCycle(Testbed tb, Testbed.Spawned[] agents, String node) {
        agents[node.equals("a") ? 0 : 1].kill9();
        tb.exec(node, "ip", "addr", "flush", "dev", "eth0").orThrow();
        assertTrue(tb.exec(node, "ip", "-o", "-4", "addr", "show", "dev", "eth0").out().isBlank(),
                node + " has no address left");
    }

    /** Whether {@code ip monitor address} in b has reported the VIP (gap-free, unlike polling). */
    private static boolean addedOnB(VipPair pair, Testbed.Spawned vipWatch) {
        return vipWatch.output().lines().anyMatch(l -> !l.startsWith("Deleted") && l.contains(" " + pair.vip() + "/"));
    }

    private static void installSwitchOn(Testbed tb, String node) {
        Path plugin = tb.node(node).hostPath(PLUGINS + "/" + SWITCH);
        try (InputStream in = StonithIT.class.getResourceAsStream("/stonith/" + SWITCH)) {
            if (in == null) {
                throw new IllegalStateException("test resource /stonith/" + SWITCH + " not found");
            }
            Files.copy(in, plugin);
            Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(tb.node(node).hostPath(SPOOL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String other : new String[] {"a", "b"}) {
            boolean present = Files.exists(tb.node(other).hostPath(PLUGINS + "/" + SWITCH));
            assertEquals(other.equals(node), present, "the switch is installed on " + node + " only");
        }
        assertFalse(Files.exists(Path.of(PLUGINS, SWITCH)), "never on the machine itself");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
