package org.vigil.agent.transport.udp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * The production UDP media between real network namespaces: bcast, ucast and mcast frames cross
 * the bridge and arrive tagged with the interface as link name; a ucast line naming the node
 * itself sends nothing to itself. Each node runs {@link org.vigil.agent.transport.MediumProbe}.
 */
class UdpMediaIT {

    private static Testbed tb;

    @BeforeAll
    static void bed() {
        Testbed.assumeTestbedAvailable();
        tb = Testbed.builder().nodes("a", "b", "c").build();
    }

    @AfterAll
    static void down() {
        if (tb != null) {
            tb.close();
        }
    }

    private static Testbed.Spawned probe(String node, String haCf, String tag) throws IOException {
        var file = tb.runDir().resolve(node + "-" + tag + ".cf");
        Files.writeString(file, haCf);
        String java = ProcessHandle.current().info().command().orElse("java");
        return tb.spawn(node, java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.agent.transport.MediumProbe", file.toString(), tag, "30");
    }

    private static void awaitOutput(Testbed.Spawned p, String text) {
        Poll.until("[" + text + "] in " + p, Duration.ofSeconds(20), Duration.ofMillis(100), p::output, o -> o.contains(text));
    }

    @Test
    void bcast_reachesEveryOtherNode_onTheInterfaceLink() throws IOException {
        String cf = "udpport 7694\nbcast eth0\n";
        Testbed.Spawned a = probe("a", cf, "bcast-a");
        Testbed.Spawned b = probe("b", cf, "bcast-b");
        Testbed.Spawned c = probe("c", cf, "bcast-c");
        try {
            awaitOutput(b, "RECV eth0 " + tb.node("a").address() + " hello bcast-a");
            awaitOutput(c, "RECV eth0 " + tb.node("a").address() + " hello bcast-a");
            awaitOutput(a, "RECV eth0 " + tb.node("b").address() + " hello bcast-b");
        } finally {
            a.kill9();
            b.kill9();
            c.kill9();
        }
    }

    @Test
    void ucast_reachesOnlyThePeer_andALineNamingOurselvesIsHarmless() throws IOException {
        String cf = "udpport 7695\nucast eth0 " + tb.node("a").address() + "\nucast eth0 " + tb.node("b").address() + "\n";
        Testbed.Spawned a = probe("a", cf, "ucast-a");
        Testbed.Spawned b = probe("b", cf, "ucast-b");
        Testbed.Spawned c = probe("c", "udpport 7695\nucast eth0 " + tb.node("a").address() + "\n", "ucast-c");
        try {
            awaitOutput(b, "RECV eth0 " + tb.node("a").address() + " hello ucast-a");
            awaitOutput(a, "RECV eth0 " + tb.node("b").address() + " hello ucast-b");
            awaitOutput(a, "hello ucast-c");
            assertFalse(a.output().contains("hello ucast-a"), "a does not send to itself:\n" + a.output());
            assertFalse(c.output().contains("hello ucast-a"), "c is not a's peer:\n" + c.output());
        } finally {
            a.kill9();
            b.kill9();
            c.kill9();
        }
    }

    @Test
    void mcast_reachesGroupMembers() throws IOException {
        String cf = "mcast eth0 239.1.2.3 7696 1 0\n";
        Testbed.Spawned a = probe("a", cf, "mcast-a");
        Testbed.Spawned b = probe("b", cf, "mcast-b");
        try {
            awaitOutput(b, "RECV eth0 " + tb.node("a").address() + " hello mcast-a");
            awaitOutput(a, "RECV eth0 " + tb.node("b").address() + " hello mcast-b");
            assertTrue(a.output().contains("READY 1"), a.output());
        } finally {
            a.kill9();
            b.kill9();
        }
    }
}
