package org.vigil.agent.failover.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.NetnsCommandRunner;
import org.vigil.agent.exec.ProcessCommandRunner;
import org.vigil.agent.time.Ticker;

/**
 * The built-in IPaddr2 against the real kernel, inside a private network namespace with a veth
 * pair (both ends inside it): the address is added, found from the connected route when not
 * given, announced with gratuitous ARP, removed on stop.
 */
class IpAddrAgentIT {

    private final String ns = "vigil-ipt-" + Integer.toHexString(new Random().nextInt(0xFFFFF));
    private final ProcessCommandRunner host = new ProcessCommandRunner(Ticker.system());
    private final ScheduledExecutorService announcer = Executors.newScheduledThreadPool(IpAddrAgent.ARP_COUNT);
    private NetnsCommandRunner inside;

    private void sh(String... command) {
        CommandResult r = host.run(List.of(command), Map.of(), Duration.ofSeconds(10));
        assertTrue(r.succeeded(), r.describe() + " " + r.stderr());
    }

    @BeforeEach
    void namespace() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for ip netns: skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")), "iproute2 missing");
        sh("ip", "netns", "add", ns);
        sh("ip", "-n", ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        sh("ip", "-n", ns, "addr", "add", "10.77.0.1/24", "dev", "v0");
        sh("ip", "-n", ns, "link", "set", "v0", "up");
        sh("ip", "-n", ns, "link", "set", "v1", "up");
        inside = new NetnsCommandRunner(ns, host);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        announcer.shutdown();
        announcer.awaitTermination(15, TimeUnit.SECONDS);
        host.run(List.of("ip", "netns", "del", ns), Map.of(), Duration.ofSeconds(10));
    }

    private IpAddrAgent agent(String argument) {
        return new IpAddrAgent("IPaddr2::" + argument, IpAddressSpec.parse(argument), inside, Duration.ofSeconds(5), announcer,
                Optional.empty());
    }

    private String addresses() {
        return inside.run(List.of("ip", "-o", "-4", "addr", "show"), Map.of(), Duration.ofSeconds(5)).stdout();
    }

    @Test
    void startStatusStop_withInterfaceFoundFromTheRoute() throws InterruptedException {
        IpAddrAgent vip = agent("10.77.0.100");
        assertEquals(ResourceState.STOPPED, vip.status().state());
        long announced = System.nanoTime();
        OpResult started = vip.start();
        assertTrue(started.success(), started.detail());
        assertTrue(addresses().contains("v0    inet 10.77.0.100/24"), addresses());
        assertEquals(ResourceState.RUNNING, vip.status().state());
        announcer.shutdown();
        assertTrue(announcer.awaitTermination(10, TimeUnit.SECONDS));
        List<CommandResult> arps = inside.history().stream().filter(r -> r.command().contains("arping")).toList();
        assertEquals(IpAddrAgent.ARP_COUNT, arps.size(), "a burst of gratuitous ARPs");
        arps.forEach(a -> assertTrue(a.succeeded(), "gratuitous ARP sent: " + a.describe() + " " + a.stderr()));
        assertTrue(elapsedMs(announced) < 3000, "the burst took " + elapsedMs(announced) + " ms");
        assertTrue(vip.stop().success());
        assertFalse(addresses().contains("10.77.0.100"), addresses());
        assertTrue(vip.stop().success(), "stopping a stopped address succeeds");
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    @Test
    void start_whenTheAddressIsAlreadyThere_stillAnnounces() throws InterruptedException {
        sh("ip", "-n", ns, "addr", "add", "10.77.0.101/24", "dev", "v0");
        assertTrue(agent("10.77.0.101/24/v0:web").start().success());
        announcer.shutdown();
        assertTrue(announcer.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(inside.history().stream().anyMatch(r -> r.command().contains("arping") && r.succeeded()));
        assertEquals(0, inside.history().stream().filter(r -> r.command().contains("add")).count(), "no second add");
    }

    @Test
    void start_withLabel_andNoRoute_isExplained() {
        assertTrue(agent("10.77.0.102/24/v0:web").start().success());
        assertTrue(addresses().contains("v0:web"), addresses());
        OpResult noRoute = agent("192.0.2.10").start();
        assertFalse(noRoute.success());
        assertTrue(noRoute.detail().contains("Unable to find nic or netmask"), noRoute.detail());
    }
}
