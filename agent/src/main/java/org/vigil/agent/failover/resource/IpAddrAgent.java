package org.vigil.agent.failover.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;

/**
 * Built-in {@code IPaddr} and {@code IPaddr2}: a virtual IPv4 address added with {@code ip addr}
 * and announced with a burst of gratuitous ARP. Unlike Heartbeat's agents, start announces the
 * address even when it was already there: a restarted Heartbeat that found its stale address sent
 * no ARP and left clients pointing at the peer's MAC for 25 s (measured, reference P2).
 * The interface and prefix length, when not given, come from the connected routes.
 */
public final class IpAddrAgent implements ResourceAgent {

    /** send_arp's burst for IPaddr2: 5 announcements 200 ms apart. */
    public static final int ARP_COUNT = 5;
    static final long ARP_INTERVAL_MS = 200;

    private final String name;
    private final IpAddressSpec spec;
    private final CommandRunner runner;
    private final Duration timeout;
    private final ScheduledExecutorService announcer;

    /**
     * @param announcer sends the ARP burst in the background, so that start returns as soon as the
     *     address is up; iputils arping spaces packets by whole seconds only, so each announcement
     *     is its own one-packet arping, scheduled 200 ms after the previous one. arping stays
     *     about 1 s after sending, so the executor needs {@link #ARP_COUNT} threads to keep the
     *     spacing
     */
    public IpAddrAgent(String name, IpAddressSpec spec, CommandRunner runner, Duration timeout,
            ScheduledExecutorService announcer) {
        this.name = name;
        this.spec = spec;
        this.runner = runner;
        this.timeout = timeout;
        this.announcer = announcer;
    }

    @Override
    public String name() {
        return name;
    }

    /** The interface and prefix the address goes on, or empty when they cannot be found. */
    Optional<ConnectedRoutes.Match> placement() {
        if (spec.iface().isPresent() && spec.bits().isPresent()) {
            return Optional.of(new ConnectedRoutes.Match(spec.iface().get(), spec.bits().get()));
        }
        CommandResult routes = ip("-o", "-4", "route", "show");
        if (!routes.succeeded()) {
            return Optional.empty();
        }
        return ConnectedRoutes.find(spec.ip(), routes.stdout())
                .filter(m -> spec.iface().map(i -> i.equals(m.iface())).orElse(true))
                .map(m -> new ConnectedRoutes.Match(spec.iface().orElse(m.iface()), spec.bits().orElse(m.bits())));
    }

    @Override
    public OpResult start() {
        Optional<ConnectedRoutes.Match> where = placement();
        if (where.isEmpty()) {
            return OpResult.failed("Unable to find nic or netmask for [" + spec.ip() + "]: no connected route contains it;"
                    + " give them as " + spec.ip() + "/BITS/IFACE");
        }
        String iface = where.get().iface();
        if (status().state() != ResourceState.RUNNING) {
            List<String> add = new ArrayList<>(List.of("-4", "addr", "add", spec.ip() + "/" + where.get().bits(),
                    "brd", spec.broadcast().orElse("+"), "dev", iface));
            spec.label().ifPresent(l -> add.addAll(List.of("label", l)));
            CommandResult added = ip(add.toArray(String[]::new));
            if (!added.succeeded()) {
                return OpResult.failed(added.describe() + ": " + added.stderr().strip());
            }
            CommandResult up = ip("link", "set", iface, "up");
            if (!up.succeeded()) {
                return OpResult.failed(up.describe() + ": " + up.stderr().strip());
            }
        }
        for (int i = 0; i < ARP_COUNT; i++) {
            announcer.schedule(() -> announce(iface), i * ARP_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
        return OpResult.ok(ResourceState.RUNNING, spec.ip() + "/" + where.get().bits() + " on " + iface + ", announcing");
    }

    private void announce(String iface) {
        runner.run(List.of("arping", "-q", "-U", "-c", "1", "-I", iface, spec.ip()), Map.of(), Duration.ofSeconds(5));
    }

    @Override
    public OpResult stop() {
        Optional<String> line = addressLine();
        if (line.isEmpty()) {
            return OpResult.ok(ResourceState.STOPPED, spec.ip() + " was not configured");
        }
        String[] w = line.get().trim().split("\\s+");
        String iface = w[1];
        String cidr = w[3];
        CommandResult del = ip("-4", "addr", "del", cidr, "dev", iface);
        return del.succeeded() ? OpResult.ok(ResourceState.STOPPED, spec.ip() + " removed from " + iface)
                : OpResult.failed(del.describe() + ": " + del.stderr().strip());
    }

    @Override
    public OpResult status() {
        CommandResult show = ip("-o", "-4", "addr", "show");
        if (!show.succeeded()) {
            return OpResult.failed(show.describe());
        }
        return OpResult.ok(addressIn(show.stdout()).isPresent() ? ResourceState.RUNNING : ResourceState.STOPPED,
                spec.ip() + (addressIn(show.stdout()).isPresent() ? " is configured" : " is not configured"));
    }

    private Optional<String> addressLine() {
        CommandResult show = ip("-o", "-4", "addr", "show");
        return show.succeeded() ? addressIn(show.stdout()) : Optional.empty();
    }

    /** The {@code ip -o addr} line that carries our address: {@code 2: eth0 inet 10.0.0.10/24 ...}. */
    private Optional<String> addressIn(String output) {
        Pattern mine = Pattern.compile("\\sinet " + Pattern.quote(spec.ip()) + "/\\d+\\s");
        return output.lines().filter(l -> mine.matcher(l + " ").find()).findFirst();
    }

    private CommandResult ip(String... args) {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        return runner.run(command, Map.of(), timeout);
    }
}
