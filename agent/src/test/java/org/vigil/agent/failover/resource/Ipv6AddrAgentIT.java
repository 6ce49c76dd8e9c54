package org.vigil.agent.failover.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.HelperPrograms;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.NetnsCommandRunner;
import org.vigil.agent.exec.ProcessCommandRunner;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.time.Ticker;

/**
 * The built-in IPv6addr against the real kernel: a node namespace and a client namespace joined
 * by a veth pair, IPv6 on. The client's neighbour entry for the virtual address is first pointed
 * at a MAC nobody has (what it holds after the address left another node); the agent's start
 * must replace it with the node's MAC through unsolicited neighbour advertisements (send_ua),
 * even when the address was already configured.
 */
class Ipv6AddrAgentIT {

    private static final String FORMER_HOLDER_MAC = "02:00:5e:10:00:01";

    private final String suffix = Integer.toHexString(new Random().nextInt(0xFFFFF));
    private final String nodeNs = "vigil-v6n-" + suffix;
    private final String clientNs = "vigil-v6c-" + suffix;
    /** Written as ip prints it (no leading zeros in a group), since the test also compares text. */
    private final String prefix = String.format("fd%02x:%x:1::", new Random().nextInt(256), 1 + new Random().nextInt(0xFFFF));
    private final String vip = prefix + "100";
    private final ProcessCommandRunner host = new ProcessCommandRunner(Ticker.system());
    private final ScheduledExecutorService announcer = Executors.newScheduledThreadPool(IpAddrAgent.ARP_COUNT);
    private NetnsCommandRunner inside;
    private Optional<Path> sendUa;

    private CommandResult sh(String... command) {
        CommandResult r = host.run(List.of(command), Map.of(), Duration.ofSeconds(10));
        assertTrue(r.succeeded(), r.describe() + " " + r.stderr());
        return r;
    }

    @BeforeEach
    void namespaces() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for ip netns: skipped");
        sendUa = HelperPrograms.sendUa(HostEnvironment.system());
        assumeTrue(sendUa.isPresent(), "send_ua (package resource-agents) missing: skipped");
        sh("ip", "netns", "add", nodeNs);
        sh("ip", "netns", "add", clientNs);
        for (String ns : List.of(nodeNs, clientNs)) {
            sh("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=0",
                    "net.ipv6.conf.default.disable_ipv6=0");
        }
        sh("ip", "-n", nodeNs, "link", "add", "v0", "type", "veth", "peer", "name", "c0", "netns", clientNs);
        sh("ip", "-n", nodeNs, "-6", "addr", "add", prefix + "1/64", "dev", "v0", "nodad");
        sh("ip", "-n", clientNs, "-6", "addr", "add", prefix + "2/64", "dev", "c0", "nodad");
        sh("ip", "-n", nodeNs, "link", "set", "v0", "up");
        sh("ip", "-n", clientNs, "link", "set", "c0", "up");
        inside = new NetnsCommandRunner(nodeNs, host);
        // A freshly linked veth ignores neighbour advertisements until its link-local address has
        // passed duplicate address detection (~1-2 s); a client on a real LAN is long past that.
        Poll.until("link-local addresses to leave DAD", Duration.ofSeconds(10), Duration.ofMillis(50),
                () -> List.of(nodeNs, clientNs).stream().noneMatch(ns -> sh("ip", "-n", ns, "-6", "addr", "show")
                        .stdout().contains("tentative")));
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        announcer.shutdownNow();
        announcer.awaitTermination(15, TimeUnit.SECONDS);
        host.run(List.of("ip", "netns", "del", nodeNs), Map.of(), Duration.ofSeconds(10));
        host.run(List.of("ip", "netns", "del", clientNs), Map.of(), Duration.ofSeconds(10));
    }

    private IpAddrAgent agent(String argument, Optional<Path> withSendUa) {
        return new IpAddrAgent("IPv6addr::" + argument, IpAddressSpec.parse(argument), inside, Duration.ofSeconds(5),
                announcer, withSendUa);
    }

    private String nodeMac() {
        String link = sh("ip", "-n", nodeNs, "-o", "link", "show", "v0").stdout();
        return link.substring(link.indexOf("link/ether ") + 11, link.indexOf("link/ether ") + 28);
    }

    /** What the client has after the address moved away from a node with another MAC. */
    private void clientBelievesTheFormerHolder() {
        sh("ip", "-n", clientNs, "-6", "neigh", "replace", vip, "lladdr", FORMER_HOLDER_MAC, "dev", "c0", "nud", "stale");
    }

    private String clientEntry() {
        return sh("ip", "-n", clientNs, "-6", "neigh", "show", vip).stdout();
    }

    private long awaitClientAt(String mac) {
        long t = System.nanoTime();
        Poll.until("client's entry for " + vip + " at " + mac, Duration.ofSeconds(3), Duration.ofMillis(10),
                () -> clientEntry().contains(mac));
        return (System.nanoTime() - t) / 1_000_000;
    }

    @Test
    void start_addsWithoutDad_findsPrefixFromTheRoute_andMovesTheClient() {
        IpAddrAgent address = agent(vip, sendUa);
        assertEquals(ResourceState.STOPPED, address.status().state());
        clientBelievesTheFormerHolder();
        OpResult started = address.start();
        assertTrue(started.success(), started.detail());
        String shown = sh("ip", "-n", nodeNs, "-o", "-6", "addr", "show", "dev", "v0").stdout().lines()
                .filter(l -> l.contains(" " + vip + "/")).findFirst().orElse("");
        assertTrue(shown.contains("inet6 " + vip + "/64"), shown);
        assertFalse(shown.contains("tentative"), "usable at once (nodad): " + shown);
        assertEquals(ResourceState.RUNNING, address.status().state());
        long moved = awaitClientAt(nodeMac());
        System.out.println("Ipv6AddrAgentIT: client's neighbour entry moved " + moved + " ms after start returned");

        OpResult stopped = address.stop();
        assertTrue(stopped.success(), stopped.detail());
        assertFalse(sh("ip", "-n", nodeNs, "-o", "-6", "addr", "show").stdout().contains(vip + "/"));
        assertEquals(ResourceState.STOPPED, address.status().state());
        assertTrue(address.stop().success(), "stopping an absent address succeeds");
    }

    @Test
    void start_announcesAnAddressThatWasAlreadyThere_writtenOutOrNot() throws InterruptedException {
        sh("ip", "-n", nodeNs, "-6", "addr", "add", vip + "/64", "dev", "v0", "nodad");
        IpAddrAgent address = agent(IpAddressSpecTest.writtenOut(vip) + "/64/v0", sendUa);
        assertEquals(ResourceState.RUNNING, address.status().state(), "ip prints the compressed spelling");
        clientBelievesTheFormerHolder();
        assertTrue(address.start().success());
        awaitClientAt(nodeMac());
        announcer.shutdown();
        assertTrue(announcer.awaitTermination(10, TimeUnit.SECONDS), "the burst ends");
        List<CommandResult> adds = inside.history().stream().filter(r -> r.command().contains("add")).toList();
        assertEquals(List.of(), adds, "already present: not added twice");
        assertTrue(inside.history().stream().anyMatch(r -> r.command().stream().anyMatch(w -> w.endsWith("/send_ua"))
                && r.command().containsAll(List.of("-c", "5", "-i", "200", "64", "v0"))), inside.history().toString());
    }

    @Test
    void withoutSendUa_theAddressIsAddedButTheClientIsNotMoved() {
        IpAddrAgent address = agent(vip + "/64/v0", Optional.empty());
        clientBelievesTheFormerHolder();
        OpResult started = address.start();
        assertTrue(started.success(), started.detail());
        assertTrue(started.detail().contains("not announced"), started.detail());
        long end = System.nanoTime() + 1_500_000_000L;
        Poll.until("1.5 s to pass", Duration.ofSeconds(5), Duration.ofMillis(100), () -> System.nanoTime() - end >= 0);
        assertTrue(clientEntry().contains(FORMER_HOLDER_MAC), "nothing announced: " + clientEntry());
    }
}
