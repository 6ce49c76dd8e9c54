package org.vigil.agent.failover.resource;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vigil.agent.config.Addresses;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;

/**
 * Built-in {@code IPaddr}, {@code IPaddr2} and {@code IPv6addr}: a virtual address added with
 * {@code ip addr} and announced, IPv4 with a burst of gratuitous ARP, IPv6 with a burst of
 * unsolicited neighbour advertisements (override flag set, so that clients replace the old
 * node's MAC at once). Unlike Heartbeat's agents, start announces the address even when it was
 * already there: a restarted Heartbeat that found its stale address sent no ARP and left clients
 * pointing at the peer's MAC for 25 s (measured, reference P2). The interface and prefix length,
 * when not given, come from the connected routes.
 */
public final class IpAddrAgent implements ResourceAgent {

    private static final System.Logger LOG = System.getLogger(IpAddrAgent.class.getName());

    /** send_arp's burst for IPaddr2: 5 announcements 200 ms apart; the same for IPv6. */
    public static final int ARP_COUNT = 5;
    static final long ARP_INTERVAL_MS = 200;

    private final String name;
    private final IpAddressSpec spec;
    private final CommandRunner runner;
    private final Duration timeout;
    private final ScheduledExecutorService announcer;
    private final Optional<Path> sendUa;

    /**
     * @param announcer sends the announcements in the background, so that start returns as soon
     *     as the address is up; iputils arping spaces packets by whole seconds only, so each ARP
     *     announcement is its own one-packet arping, scheduled 200 ms after the previous one.
     *     arping stays about 1 s after sending, so the executor needs {@link #ARP_COUNT} threads
     *     to keep the spacing
     * @param sendUa resource-agents' send_ua, which announces IPv6 addresses; without it an IPv6
     *     address is added but not announced (check-config warns)
     */
    public IpAddrAgent(String name, IpAddressSpec spec, CommandRunner runner, Duration timeout,
            ScheduledExecutorService announcer, Optional<Path> sendUa) {
        this.name = name;
        this.spec = spec;
        this.runner = runner;
        this.timeout = timeout;
        this.announcer = announcer;
        this.sendUa = Objects.requireNonNull(sendUa, "sendUa");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean startAnnounces() {
        return true;
    }

    /** The interface and prefix the address goes on, or empty when they cannot be found. */
    Optional<ConnectedRoutes.Match> placement() {
        if (spec.iface().isPresent() && spec.bits().isPresent()) {
            return Optional.of(new ConnectedRoutes.Match(spec.iface().get(), spec.bits().get()));
        }
        CommandResult routes = ip("-o", family(), "route", "show");
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
        int bits = where.get().bits();
        if (status().state() != ResourceState.RUNNING) {
            CommandResult added = ip(addCommand(iface, bits).toArray(String[]::new));
            if (!added.succeeded()) {
                return OpResult.failed(added.describe() + ": " + added.stderr().strip());
            }
            CommandResult up = ip("link", "set", iface, "up");
            if (!up.succeeded()) {
                return OpResult.failed(up.describe() + ": " + up.stderr().strip());
            }
        }
        String placed = spec.ip() + "/" + bits + " on " + iface;
        if (!spec.ipv6()) {
            for (int i = 0; i < ARP_COUNT; i++) {
                announcer.schedule(() -> arping(iface), i * ARP_INTERVAL_MS, TimeUnit.MILLISECONDS);
            }
            return OpResult.ok(ResourceState.RUNNING, placed + ", announcing");
        }
        if (sendUa.isEmpty()) {
            LOG.log(Level.WARNING, "cannot announce " + spec.ip() + ": send_ua not found (install resource-agents);"
                    + " clients keep the old MAC until their neighbour entry expires");
            return OpResult.ok(ResourceState.RUNNING, placed + ", not announced (no send_ua)");
        }
        announcer.execute(() -> advertise(iface, bits));
        return OpResult.ok(ResourceState.RUNNING, placed + ", announcing");
    }

    /**
     * IPv6 addresses skip duplicate address detection ({@code nodad}): a tentative address cannot
     * be used or announced for about a second, and this node only adds it once the peer is
     * known to have released it (or is dead, or was fenced).
     */
    private List<String> addCommand(String iface, int bits) {
        List<String> add = new ArrayList<>(List.of(family(), "addr", "add", spec.ip() + "/" + bits));
        if (spec.ipv6()) {
            add.addAll(List.of("dev", iface, "nodad"));
        } else {
            add.addAll(List.of("brd", spec.broadcast().orElse("+"), "dev", iface));
            spec.label().ifPresent(l -> add.addAll(List.of("label", l)));
        }
        return add;
    }

    private void arping(String iface) {
        runner.run(List.of("arping", "-q", "-U", "-c", "1", "-I", iface, spec.ip()), Map.of(), Duration.ofSeconds(5));
    }

    /** send_ua paces its own burst: one process, 5 advertisements 200 ms apart. */
    private void advertise(String iface, int bits) {
        CommandResult r = runner.run(List.of(sendUa.orElseThrow().toString(), "-i", Long.toString(ARP_INTERVAL_MS), "-c",
                Integer.toString(ARP_COUNT), spec.ip(), Integer.toString(bits), iface), Map.of(), Duration.ofSeconds(10));
        if (!r.succeeded()) {
            LOG.log(Level.WARNING, "announcing " + spec.ip() + " failed: " + r.describe() + " " + r.stderr().strip());
        }
    }

    @Override
    public OpResult stop() {
        Optional<String[]> found = addressLine();
        if (found.isEmpty()) {
            return OpResult.ok(ResourceState.STOPPED, spec.ip() + " was not configured");
        }
        String iface = found.get()[0];
        String cidr = found.get()[1];
        CommandResult del = ip(family(), "addr", "del", cidr, "dev", iface);
        return del.succeeded() ? OpResult.ok(ResourceState.STOPPED, spec.ip() + " removed from " + iface)
                : OpResult.failed(del.describe() + ": " + del.stderr().strip());
    }

    @Override
    public OpResult status() {
        CommandResult show = ip("-o", family(), "addr", "show");
        if (!show.succeeded()) {
            return OpResult.failed(show.describe());
        }
        boolean present = addressIn(show.stdout()).isPresent();
        return OpResult.ok(present ? ResourceState.RUNNING : ResourceState.STOPPED,
                spec.ip() + (present ? " is configured" : " is not configured"));
    }

    private Optional<String[]> addressLine() {
        CommandResult show = ip("-o", family(), "addr", "show");
        return show.succeeded() ? addressIn(show.stdout()) : Optional.empty();
    }

    /**
     * The interface and {@code address/bits} of our address in {@code ip -o addr} output
     * ({@code 2: eth0    inet6 2001:db8::10/64 scope global nodad ...}); IPv6 compares as
     * addresses, since ip prints its own spelling ({@code 2001:db8::10} for {@code 2001:db8:0::10}).
     */
    Optional<String[]> addressIn(String output) {
        String keyword = spec.ipv6() ? "inet6" : "inet";
        for (String line : output.split("\n")) {
            String[] w = line.trim().split("\\s+");
            for (int i = 2; i + 1 < w.length; i++) {
                if (w[i].equals(keyword) && sameAddress(w[i + 1].split("/", 2)[0])) {
                    return Optional.of(new String[] {w[1], w[i + 1]});
                }
            }
        }
        return Optional.empty();
    }

    private boolean sameAddress(String shown) {
        if (!spec.ipv6()) {
            return shown.equals(spec.ip());
        }
        return Addresses.ipv6Literal(shown).isPresent() && Addresses.ipv6Literal(shown).equals(Addresses.ipv6Literal(spec.ip()));
    }

    private String family() {
        return spec.ipv6() ? "-6" : "-4";
    }

    private CommandResult ip(String... args) {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        return runner.run(command, Map.of(), timeout);
    }
}
