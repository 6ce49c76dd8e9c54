package org.vigil.agent.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.vigil.agent.config.ConfigLoader;
import org.vigil.agent.config.ConfigPaths;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.config.LoadedConfig;
import org.vigil.agent.config.ResourceCatalog;
import org.vigil.agent.membership.MembershipSnapshot;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.node.NodeOptions;
import org.vigil.agent.node.VigilNode;
import org.vigil.agent.time.Ticker;

/**
 * What {@code vigil demo} shows when nothing is configured: three real Vigil nodes (the same
 * runtime, codec, authentication and membership as {@code vigil run}) on an in-memory network,
 * with fast timings. They come up and see each other active; one crashes and the others declare
 * it dead after deadtime; it returns; one stops gracefully and the others know at once.
 */
public final class DemoCluster {

    static final List<String> NODES = List.of("alpha", "beta", "gamma");
    private static final String HA_CF = """
            # demo cluster: three nodes, heartbeats every 200 ms, dead after 1 s of silence
            keepalive 200ms
            warntime 500ms
            deadtime 1
            initdead 10
            bcast hub0
            auto_failback on
            logfacility none
            node alpha beta gamma
            """;

    private final PrintWriter out;
    private final Path root;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-demo-hub");
        t.setDaemon(true);
        return t;
    });
    private final DemoHub hub = new DemoHub(delivery);
    private final Map<String, VigilNode> running = new LinkedHashMap<>();
    private final long t0 = System.nanoTime();

    public DemoCluster(PrintWriter out, Path root) {
        this.out = out;
        this.root = root;
    }

    /** Runs the demo; returns 0 when every step happened as expected. */
    public int run() throws IOException {
        writeConfig();
        try {
            say("starting alpha, beta and gamma (keepalive 200 ms, deadtime 1 s, sha256-signed heartbeats)");
            NODES.forEach(this::start);
            boolean ok = await("every node sees the others active", Duration.ofSeconds(20), () -> allSeeActive(NODES));
            say("for its first 5 s a node advertises deadtime + 2 s (start-up grace, as Heartbeat): waiting that out");
            long started = t0;
            await("the start-up grace is over", Duration.ofSeconds(10), () -> System.nanoTime() - started > 5_500_000_000L);
            say("crashing gamma (no goodbye): the others must notice by silence");
            long crash = System.nanoTime();
            running.remove("gamma").crash();
            ok &= await("alpha and beta declare gamma dead", Duration.ofSeconds(5),
                    () -> sees("alpha", "gamma", NodeStatus.DEAD) && sees("beta", "gamma", NodeStatus.DEAD));
            say(String.format("gamma declared dead %d ms after the crash (deadtime 1000 ms)", ms(crash)));
            say("restarting gamma: a new generation, the others see a restart");
            start("gamma");
            ok &= await("gamma is back and everyone is active", Duration.ofSeconds(20), () -> allSeeActive(NODES));
            say("stopping beta gracefully: it says goodbye (shutdone)");
            long stop = System.nanoTime();
            running.remove("beta").stop();
            ok &= await("alpha and gamma know beta left", Duration.ofSeconds(2),
                    () -> sees("alpha", "beta", NodeStatus.DEAD) && sees("gamma", "beta", NodeStatus.DEAD));
            say(String.format("beta's departure was known %d ms after it stopped: no deadtime wait", ms(stop)));
            say(ok ? "demo complete: every step happened as expected" : "demo FAILED: see above");
            return ok ? 0 : 1;
        } finally {
            running.values().forEach(VigilNode::stop);
            delivery.shutdownNow();
        }
    }

    private void writeConfig() throws IOException {
        for (String node : NODES) {
            Path dir = Files.createDirectories(root.resolve(node).resolve("ha.d"));
            Files.writeString(dir.resolve("ha.cf"), HA_CF);
            Path keys = dir.resolve("authkeys");
            Files.writeString(keys, "auth 1\n1 sha256 demo-cluster-key\n");
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(dir.resolve("haresources"), "# no resource groups in the demo\n");
        }
    }

    private void start(String node) {
        Path dir = root.resolve(node).resolve("ha.d");
        HostEnvironment host = HostEnvironment.system();
        LoadedConfig loaded = new ConfigLoader(host).load(ConfigPaths.in(dir), Optional.of(node),
                ResourceCatalog.standard(dir, host));
        VigilNode v = new VigilNode(loaded.config(), new NodeOptions(root.resolve(node).resolve("state"), true, false),
                Ticker.system(), (media, udp) -> List.of(hub.attach(node)));
        try {
            v.start((from, message, now) -> { });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        running.put(node, v);
    }

    private boolean allSeeActive(List<String> nodes) {
        return nodes.stream().allMatch(a -> nodes.stream().filter(b -> !b.equals(a)).allMatch(b -> sees(a, b, NodeStatus.ACTIVE)));
    }

    private boolean sees(String observer, String node, NodeStatus status) {
        VigilNode v = running.get(observer);
        if (v == null) {
            return false;
        }
        MembershipSnapshot s = v.snapshot();
        return s.node(node).map(n -> n.status() == status).orElse(false);
    }

    private boolean await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                say("NOT SEEN within " + limit.toMillis() + " ms: " + what);
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        say("seen: " + what);
        return true;
    }

    private long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private void say(String text) {
        out.printf("[demo %6.2f s] %s%n", (System.nanoTime() - t0) / 1e9, text);
        out.flush();
    }
}
