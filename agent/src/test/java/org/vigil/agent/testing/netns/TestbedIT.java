package org.vigil.agent.testing.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture itself: isolation, connectivity, fault injection, process handling and clean-up. */
class TestbedIT {

    @BeforeAll
    static void requirements() {
        Testbed.assumeTestbedAvailable();
        Testbed.assumeCommands("ping");
    }

    @Test
    void nodesAreIsolatedConnectedAndFaultsCanBeInjected() {
        String id;
        long sleeper;
        try (Testbed tb = Testbed.builder().nodes("a", "b").withClient().build()) {
            id = tb.id();
            String a = tb.node("a").address();
            String b = tb.node("b").address();
            assertTrue(id.startsWith(Testbed.NAME_PREFIX));
            assertTrue(Testbed.listNamespaces().containsAll(List.of(id + "-sw", id + "-a", id + "-b", id + "-client")));

            // identity and private directories
            assertEquals("a", tb.exec("a", "uname", "-n").orThrow().out());
            assertEquals("b", tb.exec("b", "uname", "-n").orThrow().out());
            tb.exec("a", "touch", "/etc/ha.d/vtb-marker", "/var/log/vtb-marker", "/run/vtb-marker").orThrow();
            assertTrue(Files.exists(tb.node("a").hostPath("/etc/ha.d/vtb-marker")));
            assertTrue(Files.exists(tb.node("a").hostPath("/var/log/vtb-marker")));
            assertFalse(Files.exists(tb.node("b").hostPath("/etc/ha.d/vtb-marker")));
            assertFalse(Files.exists(Path.of("/etc/ha.d/vtb-marker")), "node a wrote into the host's /etc/ha.d");
            assertFalse(Files.exists(Path.of("/run/vtb-marker")), "node a wrote into the host's /run");
            assertFalse(tb.exec("b", "test", "-e", "/run/vtb-marker").ok(), "/run is shared between nodes");
            assertTrue(tb.exec("a", "test", "-d", "/run/heartbeat/ccm").ok(), "/run/heartbeat not pre-created");
            // own PID namespace: PID 1 is the holder
            assertEquals("bash", tb.exec("a", "cat", "/proc/1/comm").orThrow().out());
            // the only addresses are the bed's
            assertTrue(tb.exec("a", "ip", "-4", "-o", "addr", "show", "dev", "eth0").orThrow().out().contains(a + "/24"));

            // connectivity, including the client namespace
            assertReachable(tb, "a", b);
            assertReachable(tb, "client", a);

            // partition: b's switch port down, then healed
            tb.partition("b");
            assertFalse(ping(tb, "a", b), "b still reachable while partitioned");
            tb.heal("b");
            assertReachable(tb, "a", b);

            // link down inside the node
            tb.linkDown("a");
            assertFalse(ping(tb, "a", b), "a's link is down but ping went through");
            tb.linkUp("a");
            assertReachable(tb, "a", b);

            // random loss via nftables (100 % = none gets through), and back
            if (Testbed.which("nft").isPresent()) {
                tb.dropRandomly("b", 100);
                assertFalse(ping(tb, "a", b), "100 % loss on b but ping went through");
                tb.clearDrops("b");
                assertReachable(tb, "a", b);
            }
            if (tb.netemSupported()) {
                tb.netem("b", "delay", "20ms");
                assertReachable(tb, "a", b);
                tb.clearNetem("b");
            } else {
                System.out.println("TestbedIT: this kernel has no netem qdisc; netem() not exercised");
            }

            // spawn and kill -9 a long-running process, found by PID inside the node only
            Testbed.Spawned s = tb.spawn("b", "sleep", "600");
            sleeper = s.pid();
            assertTrue(sleeper > 0);
            Poll.until("sleep to run in b", Duration.ofSeconds(5), Duration.ofMillis(20),
                    () -> tb.pidsOf("b", "sleep").contains(sleeper));
            assertFalse(tb.pidsOf("a", "sleep").contains(sleeper), "b's process seen in a");
            s.kill9();
            Poll.until("sleep to be gone from b", Duration.ofSeconds(5), Duration.ofMillis(20),
                    () -> !tb.pidsOf("b", "sleep").contains(sleeper));

            // a command that outlives its timeout is killed and reported
            ExecResult slow = tb.exec("a", Duration.ofMillis(300), "sleep", "30");
            assertTrue(slow.timedOut());
            // a second spawned process is left for close() to kill
            tb.spawn("a", "sleep", "600");
        }
        assertTrue(Testbed.listNamespaces().stream().noneMatch(ns -> ns.startsWith(id)), "namespaces left");
        assertFalse(ProcessHandle.of(sleeper).isPresent(), "spawned process survived");
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), id)), "run dir left");
    }

    private static boolean ping(Testbed tb, String from, String to) {
        return tb.exec(from, Duration.ofSeconds(5), "ping", "-n", "-q", "-c", "1", "-W", "1", to).ok();
    }

    private static void assertReachable(Testbed tb, String from, String to) {
        Poll.until(from + " to reach " + to, Duration.ofSeconds(10), Duration.ofMillis(50), () -> ping(tb, from, to));
    }
}
