package org.vigil.agent.testing.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away network of isolated "nodes" on one Linux kernel, for integration tests that run
 * real processes (Heartbeat, keepalived, the Vigil agent) against each other.
 *
 * <pre>
 *  node a (netns+mnt+uts+ipc+pid)      switch netns            node b
 *  eth0 10.X.Y.11/24 ───────────── p-a ─ br0 ─ p-b ───────────── eth0 10.X.Y.12/24
 *                                         └─ p-client ── eth0 10.X.Y.50  (optional client netns)
 * </pre>
 *
 * <ul>
 * <li>Every namespace is named {@code vtb-<jvm pid>-<random>-<role>}: parallel runs never collide,
 * and leftovers of a JVM that died are recognised and reaped by the next run.</li>
 * <li>Both ends of every veth are created directly inside their namespaces; nothing is configured
 * in the main namespace, and all traffic stays on the bed's own bridge.</li>
 * <li>Each node is a holder process ({@code testbed/holder.sh}) started with
 * {@code ip netns exec NS unshare --mount --uts --ipc --pid --fork --mount-proc --propagation private}.
 * It sets the hostname, bind-mounts per-node copies of {@code /etc/ha.d}, {@code /var/lib/heartbeat}
 * and an empty {@code /var/log}, and a private tmpfs on {@code /run}. Commands run in the node with
 * {@code nsenter --target HOLDER --mount --uts --ipc --net --pid}.</li>
 * <li>{@link #close()} (and a JVM shutdown hook as a safety net) kills only what runs inside the
 * bed's own namespaces, by PID, and deletes the namespaces and the run directory.</li>
 * </ul>
 *
 * <p>Usage:
 * <pre>{@code
 * Testbed.assumeTestbedAvailable();
 * try (Testbed tb = Testbed.builder().nodes("a", "b").build()) {
 *     Files.writeString(tb.node("a").hostPath("/etc/ha.d/ha.cf"), "...");
 *     tb.exec("a", "hostname").orThrow();          // "a"
 *     Spawned s = tb.spawn("b", "sleep", "60");
 *     tb.partition("b");  tb.heal("b");
 *     s.kill9();
 * }
 * }</pre>
 */
public final class Testbed implements AutoCloseable {

    /** Every namespace of every test bed starts with this. */
    public static final String NAME_PREFIX = "vtb-";
    private static final Pattern OWNED = Pattern.compile("^(vtb-(\\d+)-([0-9a-f]{6}))-([a-z0-9]+)$");
    private static final Pattern NODE_NAME = Pattern.compile("[a-z][a-z0-9]{0,9}");
    private static final String[] REQUIRED_TOOLS = {"ip", "unshare", "nsenter", "bash", "mount"};
    private static final List<String> PATH_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object REAP_LOCK = new Object();
    /** A run directory kept on purpose ({@code -Dvigil.testbed.keep}) is never reaped. */
    private static final String KEPT_MARK = "KEPT";
    private static boolean leftoversReaped;

    private final String id;
    private final String subnetPrefix;
    /** {@code fdXX:XXXX:XXXX::} when the bed has IPv6, else null. */
    private final String ipv6Prefix;
    private final Path runDir;
    private final boolean keepRunDir;
    private final String switchNs;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<String> namespaces = new CopyOnWriteArrayList<>();
    private final List<Spawned> spawned = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Thread shutdownHook;
    private volatile boolean closed;

    // ------------------------------------------------------------------------------------------
    // availability

    /**
     * Skips the calling test (JUnit assumption) unless the test bed can run here: root, and
     * {@code ip}, {@code unshare}, {@code nsenter}, {@code bash}, {@code mount} on the PATH.
     */
    public static void assumeTestbedAvailable() {
        Assumptions.assumeTrue(isRoot(), "network-namespace test bed skipped: it needs root (uid 0), "
                + "this JVM runs as uid " + currentUid());
        assumeCommands(REQUIRED_TOOLS);
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/ns")),
                "network-namespace test bed skipped: /proc/self/ns is missing (no namespace support)");
    }

    /** Skips the calling test unless every named program is on the PATH (says which are missing). */
    public static void assumeCommands(String... commands) {
        List<String> missing = Arrays.stream(commands).filter(c -> which(c).isEmpty()).toList();
        Assumptions.assumeTrue(missing.isEmpty(), "test skipped: missing program(s) " + missing
                + " (Debian: iproute2 for ip, util-linux for unshare/nsenter/mount; see bin/test-all)");
    }

    /** The absolute path of a program on the standard PATH. */
    public static Optional<Path> which(String command) {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        return PATH_DIRS.stream().map(d -> Path.of(d, command)).filter(Files::isExecutable).findFirst();
    }

    static boolean isRoot() {
        return "0".equals(currentUid());
    }

    private static String currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2]; // effective uid
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    // ------------------------------------------------------------------------------------------
    // construction

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a test bed; {@link #build()} creates it. */
    public static final class Builder {
        private final List<String> nodeNames = new ArrayList<>();
        private boolean client;
        private final Map<String, Boolean> privateDirs = new LinkedHashMap<>();
        private boolean keepRunDir = Boolean.getBoolean("vigil.testbed.keep");
        private boolean ipv6;

        private Builder() {
            privateDirs.put("/etc/ha.d", true);
            privateDirs.put("/var/lib/heartbeat", true);
            privateDirs.put("/var/log", false);
        }

        /** Node names: lower-case letters and digits, at most 10, starting with a letter. */
        public Builder nodes(String... names) {
            for (String n : names) {
                if (!NODE_NAME.matcher(n).matches() || "sw".equals(n) || "client".equals(n)) {
                    throw new IllegalArgumentException("bad node name: " + n);
                }
                if (nodeNames.contains(n)) {
                    throw new IllegalArgumentException("duplicate node name: " + n);
                }
                nodeNames.add(n);
            }
            return this;
        }

        /** Adds a namespace named {@code client} (address .50) without holder, for plain clients. */
        public Builder withClient() {
            this.client = true;
            return this;
        }

        /** Gives every node its own copy of this directory (copied with {@code cp -a}). */
        public Builder privateCopy(String pathInNode) {
            privateDirs.put(requireAbsolute(pathInNode), true);
            return this;
        }

        /** Gives every node its own empty directory over this path. */
        public Builder privateEmpty(String pathInNode) {
            privateDirs.put(requireAbsolute(pathInNode), false);
            return this;
        }

        /**
         * Keeps IPv6 on in the nodes and the client and gives each eth0 a unique local address in
         * a random {@code fdXX:XXXX:XXXX::/64} ({@link Node#address6()}), added without DAD.
         */
        public Builder ipv6() {
            this.ipv6 = true;
            return this;
        }

        /** Keep the run directory (logs, configs) after close; also {@code -Dvigil.testbed.keep=true}. */
        public Builder keepRunDir(boolean keep) {
            this.keepRunDir = keep;
            return this;
        }

        public Testbed build() {
            if (nodeNames.isEmpty()) {
                throw new IllegalArgumentException("a test bed needs at least one node");
            }
            Testbed tb = new Testbed(this);
            try {
                tb.setUp(this);
                return tb;
            } catch (RuntimeException | Error e) {
                try {
                    tb.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private static String requireAbsolute(String p) {
            if (!p.startsWith("/") || p.contains("=") || p.contains("..")) {
                throw new IllegalArgumentException("need an absolute path without '=' or '..': " + p);
            }
            return p;
        }
    }

    private Testbed(Builder b) {
        reapLeftovers();
        this.id = NAME_PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt())
                .substring(2);
        // 10.X.Y.0/24 with X in 64..254: avoids 10.0.x and is unlikely to match anything; it only
        // ever exists inside this bed's namespaces anyway.
        this.subnetPrefix = "10." + (64 + RANDOM.nextInt(191)) + "." + RANDOM.nextInt(256) + ".";
        // spelled as ip prints it (no leading zeros, no zero group), so tests may compare text
        this.ipv6Prefix = b.ipv6 ? String.format("fd%02x:%x:%x::", RANDOM.nextInt(256), 1 + RANDOM.nextInt(0xFFFF),
                1 + RANDOM.nextInt(0xFFFF)) : null;
        this.switchNs = id + "-sw";
        this.keepRunDir = b.keepRunDir;
        try {
            this.runDir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), id));
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.shutdownHook = new Thread(this::closeFromHook, "testbed-cleanup-" + id);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void setUp(Builder b) {
        Path holderScript = runDir.resolve("holder.sh");
        try (InputStream in = Testbed.class.getResourceAsStream("/testbed/holder.sh")) {
            if (in == null) {
                throw new TestbedException("test resource /testbed/holder.sh not found on the class path");
            }
            Files.copy(in, holderScript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        addNamespace(switchNs, false);
        ipn(switchNs, "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0");
        ipn(switchNs, "link", "set", "br0", "up");

        int host = 11;
        for (String name : b.nodeNames) {
            nodes.put(name, wireNode(name, host++, true));
        }
        if (b.client) {
            nodes.put("client", wireNode("client", 50, false));
        }
        for (Node n : nodes.values()) {
            if (n.hasHolder) {
                startHolder(n, holderScript, b.privateDirs);
            }
        }
    }

    private Node wireNode(String name, int hostOctet, boolean holder) {
        String ns = id + "-" + name;
        addNamespace(ns, ipv6Prefix != null);
        String port = "p-" + name;
        ipn(switchNs, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ipn(switchNs, "link", "set", port, "master", "br0", "up");
        String address = subnetPrefix + hostOctet;
        // "brd +": ip sets no broadcast address by default, and heartbeat's bcast needs one
        ipn(ns, "addr", "add", address + "/24", "brd", "+", "dev", "eth0");
        String address6 = ipv6Prefix == null ? null : ipv6Prefix + hostOctet;
        if (address6 != null) {
            ipn(ns, "-6", "addr", "add", address6 + "/64", "dev", "eth0", "nodad");
        }
        ipn(ns, "link", "set", "eth0", "up");
        ipn(ns, "link", "set", "lo", "up");
        return new Node(this, name, ns, port, address, address6, runDir.resolve("nodes").resolve(name), holder);
    }

    private void addNamespace(String ns, boolean ipv6) {
        run(COMMAND_TIMEOUT, "ip", "netns", "add", ns).orThrow();
        namespaces.add(ns);
        // without IPv6 no chatter (router solicitations, MLD) in the captures (reference P11)
        String off = ipv6 ? "0" : "1";
        run(COMMAND_TIMEOUT, "ip", "netns", "exec", ns, "sysctl", "-q", "-w",
                "net.ipv6.conf.all.disable_ipv6=" + off, "net.ipv6.conf.default.disable_ipv6=" + off);
    }

    private void startHolder(Node n, Path holderScript, Map<String, Boolean> privateDirs) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", n.netns, "unshare", "--mount", "--uts",
                "--ipc", "--pid", "--fork", "--mount-proc", "--propagation", "private", "bash",
                holderScript.toString(), n.name));
        try {
            Files.createDirectories(n.root);
            for (Map.Entry<String, Boolean> e : privateDirs.entrySet()) {
                Path hostDir = n.hostPath(e.getKey());
                Path source = Path.of(e.getKey());
                if (e.getValue() && Files.isDirectory(source)) {
                    Files.createDirectories(hostDir.getParent());
                    run(COMMAND_TIMEOUT, "cp", "-a", source.toString(), hostDir.toString()).orThrow();
                } else {
                    Files.createDirectories(hostDir);
                }
                cmd.add(hostDir + "=" + e.getKey());
            }
            Path out = runDir.resolve("holder-" + n.name + ".out");
            Path err = runDir.resolve("holder-" + n.name + ".err");
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            n.launcher = p;
            Poll.until("holder of node " + n.name + " to be ready", Duration.ofSeconds(15), Duration.ofMillis(10),
                    () -> {
                        if (!p.isAlive()) {
                            throw new TestbedException("holder of node " + n.name + " exited with "
                                    + p.exitValue() + ": " + readQuietly(err));
                        }
                        return readQuietly(out).contains("READY");
                    });
            n.holderPid = Poll.until("PID of the holder of node " + n.name, Duration.ofSeconds(5),
                    Duration.ofMillis(10), () -> p.descendants().mapToLong(ProcessHandle::pid)
                            .filter(pid -> nsPid(pid) == 1).findFirst().orElse(-1), pid -> pid > 0);
            n.pidNamespace = Files.readSymbolicLink(Path.of("/proc", Long.toString(n.holderPid), "ns", "pid"))
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // accessors

    /** The unique prefix of this bed's names, {@code vtb-<pid>-<random>}. */
    public String id() {
        return id;
    }

    /** The bed's /24, e.g. {@code 10.77.3.0/24}. */
    public String subnet() {
        return subnetPrefix + "0/24";
    }

    /** The bed's IPv6 /64 prefix ({@code fdXX:XXXX:XXXX::}); only with {@link Builder#ipv6()}. */
    public String ipv6Prefix() {
        if (ipv6Prefix == null) {
            throw new IllegalStateException("this bed was built without ipv6()");
        }
        return ipv6Prefix;
    }

    /** The broadcast address of the bed's /24. */
    public String broadcast() {
        return subnetPrefix + "255";
    }

    public String switchNamespace() {
        return switchNs;
    }

    /** A directory private to this run (removed on close unless kept). */
    public Path runDir() {
        return runDir;
    }

    public Node node(String name) {
        Node n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name + " in " + nodes.keySet());
        }
        return n;
    }

    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    // ------------------------------------------------------------------------------------------
    // running things

    /** Runs a command inside a node and waits for it (20 s timeout). */
    public ExecResult exec(String node, String... command) {
        return exec(node, COMMAND_TIMEOUT, command);
    }

    /**
     * Runs a command inside a node: its network, mount, UTS, IPC and PID namespaces. Output goes to
     * files, not pipes, so a command that leaves a daemon behind still returns when it exits.
     */
    public ExecResult exec(String node, Duration timeout, String... command) {
        return run(timeout, enter(node(node), command));
    }

    /** Starts a long-running command inside a node; its output goes to a log in the run dir. */
    public Spawned spawn(String node, String... command) {
        Node n = node(node);
        return startSpawned(n.name, enter(n, command), n.pidNamespace, true);
    }

    /** Runs a command in the switch namespace (where {@code br0} and the {@code p-NODE} ports are). */
    public ExecResult execSwitch(String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", switchNs));
        cmd.addAll(List.of(command));
        return run(COMMAND_TIMEOUT, cmd);
    }

    /** Starts a long-running command in the switch namespace, e.g. tcpdump on br0. */
    public Spawned spawnSwitch(String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", switchNs));
        cmd.addAll(List.of(command));
        return startSpawned("sw", cmd, null, false);
    }

    /**
     * Captures UDP traffic on the bridge ({@code tcpdump -i br0 -U -w FILE FILTER}) until the
     * returned capture is stopped. Waits until tcpdump listens.
     */
    public Capture capture(String... filter) {
        assumeCommands("tcpdump");
        Path file = runDir.resolve("capture-" + counter.incrementAndGet() + ".pcap");
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", "br0", "-n", "-U", "-s", "0", "-Z", "root",
                "-w", file.toString()));
        cmd.addAll(List.of(filter));
        Spawned s = spawnSwitch(cmd.toArray(String[]::new));
        Poll.until("tcpdump to listen on br0", Duration.ofSeconds(10), Duration.ofMillis(20), () -> {
            if (!s.isAlive()) {
                throw new TestbedException("tcpdump exited: " + s.output());
            }
            return s.output().contains("listening on");
        });
        return new Capture(s, file);
    }

    private List<String> enter(Node n, String... command) {
        if (!n.hasHolder) {
            List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", n.netns));
            cmd.addAll(List.of(command));
            return cmd;
        }
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--target", Long.toString(n.holderPid), "--mount",
                "--uts", "--ipc", "--net", "--pid", "--"));
        cmd.addAll(List.of(command));
        return cmd;
    }

    private Spawned startSpawned(String where, List<String> cmd, String pidNamespace, boolean forks) {
        if (closed) {
            throw new IllegalStateException("test bed " + id + " is closed");
        }
        Path log = runDir.resolve("spawn-" + counter.incrementAndGet() + "-" + where + ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Spawned s = new Spawned(where, cmd, p, log, pidNamespace, forks);
            spawned.add(s);
            return s;
        } catch (IOException e) {
            throw new TestbedException("cannot start " + cmd, e);
        }
    }

    ExecResult run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    ExecResult run(Duration timeout, List<String> command) {
        int n = counter.incrementAndGet();
        Path out = runDir.resolve("exec-" + n + ".out");
        Path err = runDir.resolve("exec-" + n + ".err");
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                killTree(p.toHandle());
                p.waitFor(5, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new ExecResult(List.copyOf(command), done ? p.exitValue() : -1, readQuietly(out),
                    readQuietly(err), elapsed, !done);
        } catch (IOException e) {
            throw new TestbedException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted while running " + command, e);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // the run dir goes away on close anyway
            }
        }
    }

    private void ipn(String ns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        run(COMMAND_TIMEOUT, cmd).orThrow();
    }

    // ------------------------------------------------------------------------------------------
    // fault injection

    /** {@code ip link set eth0 down} inside the node: the node sees its own link go down. */
    public void linkDown(String node) {
        ipn(node(node).netns, "link", "set", "eth0", "down");
    }

    public void linkUp(String node) {
        ipn(node(node).netns, "link", "set", "eth0", "up");
    }

    /**
     * Cuts the node off the bridge (its switch port goes down). The node's own eth0 goes to
     * NO-CARRIER as with a pulled cable on the far end.
     */
    public void partition(String... nodeNames) {
        for (String n : nodeNames) {
            ipn(switchNs, "link", "set", node(n).bridgePort, "down");
        }
    }

    public void heal(String... nodeNames) {
        for (String n : nodeNames) {
            ipn(switchNs, "link", "set", node(n).bridgePort, "up");
        }
    }

    /**
     * {@code tc qdisc replace dev eth0 root netem ARGS} on the node's eth0, e.g.
     * {@code netem("b", "loss", "30%")} or {@code netem("b", "delay", "50ms")}.
     *
     * @throws TestbedException when the kernel has no netem (see {@link #netemSupported()})
     */
    public void netem(String node, String... netemArgs) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", node(node).netns, "tc", "qdisc",
                "replace", "dev", "eth0", "root", "netem"));
        cmd.addAll(List.of(netemArgs));
        ExecResult r = run(COMMAND_TIMEOUT, cmd);
        if (!r.ok()) {
            throw new TestbedException("netem failed (kernel without CONFIG_NET_SCH_NETEM? use dropRandomly "
                    + "for loss): " + r.describe());
        }
    }

    /** Removes any qdisc set by {@link #netem}. */
    public void clearNetem(String node) {
        run(COMMAND_TIMEOUT, "ip", "netns", "exec", node(node).netns, "tc", "qdisc", "del", "dev", "eth0", "root");
    }

    /** Whether {@code tc ... netem} works on this kernel (tried in the switch namespace). */
    public boolean netemSupported() {
        ExecResult r = execSwitch("tc", "qdisc", "replace", "dev", "br0", "root", "netem", "delay", "0ms");
        execSwitch("tc", "qdisc", "del", "dev", "br0", "root");
        return r.ok();
    }

    /**
     * Drops the given percentage of the node's IPv4 packets at random, both directions, with
     * nftables ({@code numgen random mod 100 < P drop}): packet loss without netem.
     */
    public void dropRandomly(String node, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent: " + percent);
        }
        assumeCommands("nft");
        clearDrops(node);
        // numgen yields 0..99, so "< 100" is out of range for nft: 100 % is a plain drop
        String match = percent == 100 ? "" : "numgen random mod 100 < " + percent + " ";
        String rules = "table ip vtb_loss {\n"
                + "  chain in { type filter hook input priority 0; iifname \"eth0\" " + match + "drop; }\n"
                + "  chain out { type filter hook output priority 0; oifname \"eth0\" " + match + "drop; }\n"
                + "}\n";
        Path file = runDir.resolve("nft-" + counter.incrementAndGet() + ".rules");
        try {
            Files.writeString(file, rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(COMMAND_TIMEOUT, "ip", "netns", "exec", node(node).netns, "nft", "-f", file.toString()).orThrow();
    }

    /** Removes what {@link #dropRandomly} set up. */
    public void clearDrops(String node) {
        run(COMMAND_TIMEOUT, "ip", "netns", "exec", node(node).netns, "nft", "delete", "table", "ip", "vtb_loss");
    }

    /**
     * SIGKILLs every process named {@code name} inside the node (its own PID namespace, so nothing
     * outside the node can match). Returns how many were killed.
     */
    public int killAll(String node, String name) {
        List<Long> pids = pidsOf(node, name);
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        return pids.size();
    }

    /** Host PIDs of the node's processes whose command name ({@code comm}) is {@code name}. */
    public List<Long> pidsOf(String node, String name) {
        Node n = node(node);
        List<Long> result = new ArrayList<>();
        for (long pid : pidsInPidNamespace(n.pidNamespace)) {
            String comm = readQuietly(Path.of("/proc", Long.toString(pid), "comm")).strip();
            if (comm.equals(name) && !readQuietly(Path.of("/proc", Long.toString(pid), "stat")).contains(") Z ")) {
                result.add(pid);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------
    // clean-up

    /**
     * Kills everything the bed started (spawned processes, then each node's holder, which takes
     * its whole PID namespace with it, then whatever still sits in one of the bed's network
     * namespaces), deletes the namespaces and the run directory. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the hook, or the JVM is exiting anyway
        }
        List<String> problems = new ArrayList<>();
        for (Spawned s : spawned) {
            s.kill9();
        }
        // SIGKILL to a holder (PID 1 of its node) makes the kernel kill the node's processes; its
        // parent, unshare, reaps it and exits. Killing unshare first would orphan the holder to
        // PID 1 of the machine, which reaps late or never (reference P9).
        for (Node n : nodes.values()) {
            if (n.holderPid > 0 && n.pidNamespace != null && n.pidNamespace.equals(pidNamespaceOf(n.holderPid))) {
                ProcessHandle.of(n.holderPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        for (Node n : nodes.values()) {
            if (n.launcher == null) {
                continue;
            }
            try {
                if (!n.launcher.waitFor(5, TimeUnit.SECONDS)) {
                    killTree(n.launcher.toHandle());
                    n.launcher.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (n.holderPid > 0 && ProcessHandle.of(n.holderPid).isPresent()
                    && n.pidNamespace != null && n.pidNamespace.equals(pidNamespaceOf(n.holderPid))) {
                problems.add("holder of " + n.name + " (pid " + n.holderPid + ") still there");
            }
        }
        List<String> reversed = new ArrayList<>(namespaces);
        Collections.reverse(reversed);
        for (String ns : reversed) {
            String problem = destroyNamespace(ns);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!keepRunDir) {
            deleteRecursively(runDir);
        } else {
            try {
                Files.writeString(runDir.resolve(KEPT_MARK), "kept for debugging; delete by hand\n");
            } catch (IOException e) {
                problems.add("could not mark " + runDir + " as kept: " + e);
            }
            System.err.println("testbed " + id + ": kept run directory " + runDir);
        }
        if (!problems.isEmpty()) {
            throw new TestbedException("test bed " + id + " clean-up incomplete: " + problems);
        }
    }

    private void closeFromHook() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("testbed " + id + " shutdown-hook clean-up: " + e.getMessage());
        }
    }

    /** Kills every process in the network namespace (they are all ours), then deletes it. */
    private static String destroyNamespace(String ns) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<Long> pids = netnsPids(ns);
            if (pids.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                return ns + ": processes still running: " + pids;
            }
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            sleepMillis(20);
        }
        ExecResult r = runStatic(Duration.ofSeconds(10), "ip", "netns", "del", ns);
        if (!r.ok() && listNamespaces().contains(ns)) {
            return ns + ": " + r.describe();
        }
        return null;
    }

    /**
     * Removes the namespaces (and their processes and run directories) left by test-bed JVMs that
     * are gone, e.g. after a kill -9 of Maven. Only names matching {@code vtb-<pid>-<hex6>-<role>}
     * whose {@code <pid>} is not a running JVM are touched. Runs once per JVM.
     */
    public static void reapLeftovers() {
        synchronized (REAP_LOCK) {
            if (leftoversReaped) {
                return;
            }
            leftoversReaped = true;
        }
        if (!isRoot() || which("ip").isEmpty()) {
            return;
        }
        Set<String> deadIds = new LinkedHashSet<>();
        for (String ns : listNamespaces()) {
            Matcher m = OWNED.matcher(ns);
            if (!m.matches()) {
                continue;
            }
            long pid = Long.parseLong(m.group(2));
            boolean ownerAlive = ProcessHandle.of(pid)
                    .map(h -> h.info().command().map(c -> c.contains("java")).orElse(true)).orElse(false);
            if (!ownerAlive) {
                // node namespaces first, the switch last
                String problem = destroyNamespace(ns);
                if (problem != null) {
                    System.err.println("testbed: could not reap leftover " + problem);
                }
                deadIds.add(m.group(1));
            }
        }
        deadIds.addAll(orphanRunDirs());
        for (String deadId : deadIds) {
            deleteRecursively(Path.of(System.getProperty("java.io.tmpdir"), deadId));
            System.err.println("testbed: reaped leftovers of " + deadId);
        }
    }

    /** Run directories of beds whose JVM died after its namespaces were gone (killed during close). */
    private static Set<String> orphanRunDirs() {
        Pattern runDir = Pattern.compile("vtb-(\\d+)-[0-9a-f]{6}");
        Set<String> ids = new LinkedHashSet<>();
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            dirs.map(d -> d.getFileName().toString()).map(runDir::matcher).filter(Matcher::matches)
                    .filter(m -> ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty())
                    .filter(m -> !Files.exists(Path.of(System.getProperty("java.io.tmpdir"), m.group(), KEPT_MARK)))
                    .forEach(m -> ids.add(m.group()));
        } catch (IOException e) {
            System.err.println("testbed: could not list " + System.getProperty("java.io.tmpdir") + ": " + e);
        }
        return ids;
    }

    static List<String> listNamespaces() {
        ExecResult r = runStatic(Duration.ofSeconds(10), "ip", "netns", "list");
        List<String> names = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<Long> netnsPids(String ns) {
        ExecResult r = runStatic(Duration.ofSeconds(10), "ip", "netns", "pids", ns);
        List<Long> pids = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return pids;
    }

    private static ExecResult runStatic(Duration timeout, String... command) {
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            return new ExecResult(List.of(command), done ? p.exitValue() : -1,
                    new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start), !done);
        } catch (IOException e) {
            throw new TestbedException("cannot run " + Arrays.toString(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted", e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // /proc helpers

    /** The PID of a host process as seen in its own (innermost) PID namespace, or -1. */
    static long nsPid(long hostPid) {
        for (String line : readQuietly(Path.of("/proc", Long.toString(hostPid), "status")).split("\n")) {
            if (line.startsWith("NSpid:")) {
                String[] f = line.substring(6).strip().split("\\s+");
                return Long.parseLong(f[f.length - 1]);
            }
        }
        return -1;
    }

    static String pidNamespaceOf(long hostPid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(hostPid), "ns", "pid")).toString();
        } catch (IOException e) {
            return null;
        }
    }

    static List<Long> pidsInPidNamespace(String pidNamespace) {
        List<Long> pids = new ArrayList<>();
        if (pidNamespace == null) {
            return pids;
        }
        ProcessHandle.allProcesses().forEach(h -> {
            if (pidNamespace.equals(pidNamespaceOf(h.pid()))) {
                pids.add(h.pid());
            }
        });
        return pids;
    }

    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("testbed: could not delete " + dir + ": " + e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // nested types

    /** One node (or the client namespace) of the bed. */
    public static final class Node {
        private final Testbed bed;
        private final String name;
        private final String netns;
        private final String bridgePort;
        private final String address;
        private final String address6;
        private final Path root;
        private final boolean hasHolder;
        private volatile Process launcher;
        private volatile long holderPid = -1;
        private volatile String pidNamespace;

        Node(Testbed bed, String name, String netns, String bridgePort, String address, String address6, Path root,
             boolean hasHolder) {
            this.bed = bed;
            this.name = name;
            this.netns = netns;
            this.bridgePort = bridgePort;
            this.address = address;
            this.address6 = address6;
            this.root = root;
            this.hasHolder = hasHolder;
        }

        public String name() {
            return name;
        }

        /** The node's network namespace ({@code ip netns} name). */
        public String netns() {
            return netns;
        }

        /** The node's IPv4 address on eth0. */
        public String address() {
            return address;
        }

        /** The node's IPv6 address on eth0; only in a bed built with {@link Builder#ipv6()}. */
        public String address6() {
            if (address6 == null) {
                throw new IllegalStateException("this bed was built without ipv6()");
            }
            return address6;
        }

        /** The switch-side veth of this node ({@code p-NAME} in the switch namespace). */
        public String bridgePort() {
            return bridgePort;
        }

        /** Host PID of the holder (PID 1 of the node's PID namespace); -1 for the client. */
        public long holderPid() {
            return holderPid;
        }

        /**
         * Where a path of the node's private directories ({@code /etc/ha.d/ha.cf},
         * {@code /var/log/ha-log}, ...) lives on the host: read and write node files from the test.
         */
        public Path hostPath(String pathInNode) {
            if (!pathInNode.startsWith("/")) {
                throw new IllegalArgumentException("absolute path expected: " + pathInNode);
            }
            return root.resolve(pathInNode.substring(1));
        }

        /** Host PIDs of every process running in this node. */
        public List<Long> pids() {
            return pidsInPidNamespace(pidNamespace);
        }

        /** Runs a command in this node; see {@link Testbed#exec(String, Duration, String...)}. */
        public ExecResult exec(String... command) {
            return bed.exec(name, command);
        }

        @Override
        public String toString() {
            return name + "(" + address + ", " + netns + ")";
        }
    }

    /** A long-running process started by {@link #spawn} or {@link #spawnSwitch}. */
    public static final class Spawned {
        private final String where;
        private final List<String> command;
        private final Process process;
        private final Path log;
        private final String pidNamespace;
        private final boolean forks;

        Spawned(String where, List<String> command, Process process, Path log, String pidNamespace, boolean forks) {
            this.where = where;
            this.command = command;
            this.process = process;
            this.log = log;
            this.pidNamespace = pidNamespace;
            this.forks = forks;
        }

        /**
         * The host PID of the command itself. In a node, nsenter forks once to enter the PID
         * namespace, so this is nsenter's child; in the switch it is the process itself.
         */
        public long pid() {
            if (!forks) {
                return process.pid();
            }
            return Poll.until("the forked child of " + command, Duration.ofSeconds(5), Duration.ofMillis(5),
                    () -> process.children().findFirst().map(ProcessHandle::pid).orElse(process.isAlive() ? -1L : -2L),
                    pid -> pid != -1L);
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Everything the process wrote so far (stdout and stderr). */
        public String output() {
            return readQuietly(log);
        }

        public Path logFile() {
            return log;
        }

        /** Sends a signal (by name: TERM, INT, HUP, ...) to the command. */
        public void signal(String signal) {
            long pid = pid();
            if (pid > 0 && owned(pid)) {
                runStatic(Duration.ofSeconds(5), "kill", "-s", signal, Long.toString(pid));
            }
        }

        /** SIGKILL to the command (and to nsenter around it). No-op when already gone. */
        public void kill9() {
            if (forks) {
                process.children().filter(h -> owned(h.pid())).forEach(Testbed::killTree);
            }
            killTree(process.toHandle());
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the process to end; returns its exit code, or -1 on timeout. */
        public int waitFor(Duration timeout) {
            try {
                return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private boolean owned(long pid) {
            return pidNamespace == null || pidNamespace.equals(pidNamespaceOf(pid));
        }

        @Override
        public String toString() {
            return "Spawned[" + where + ": " + String.join(" ", command) + "]";
        }
    }

    /** A running tcpdump on the bridge; {@link #stop()} ends it and returns the pcap file. */
    public static final class Capture {
        private final Spawned tcpdump;
        private final Path file;

        Capture(Spawned tcpdump, Path file) {
            this.tcpdump = tcpdump;
            this.file = file;
        }

        /** The pcap file (growing while the capture runs; packets are flushed as they come). */
        public Path file() {
            return file;
        }

        /** The UDP packets captured so far. */
        public List<Pcap.UdpPacket> packets() {
            return Pcap.readUdp(file);
        }

        public Path stop() {
            tcpdump.signal("TERM");
            if (tcpdump.waitFor(Duration.ofSeconds(5)) < 0) {
                tcpdump.kill9();
            }
            return file;
        }
    }
}
