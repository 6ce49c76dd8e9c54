package org.vigil.agent.node;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vigil.agent.config.ClusterConfig;
import org.vigil.agent.config.ResourceGroup;
import org.vigil.agent.config.ResourceSpec;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;
import org.vigil.agent.failover.GroupOutcome;
import org.vigil.agent.failover.GroupRunner;
import org.vigil.agent.failover.ResourceActions;
import org.vigil.agent.failover.ResourceManager;
import org.vigil.agent.failover.resource.ResourceAgent;
import org.vigil.agent.failover.resource.ResourceFactory;
import org.vigil.agent.membership.LogLine;
import org.vigil.agent.membership.MembershipLog;
import org.vigil.agent.time.Ticker;
import org.vigil.agent.wire.HaField;
import org.vigil.agent.wire.HaMessage;

/**
 * Carries out what the {@link ResourceManager} decides: group starts and stops run one at a
 * time on a worker thread (scripts may take long; the event loop must not wait), fencing runs the
 * configured STONITH command, messages go out through the outbox; every result comes back to the
 * manager on the loop thread.
 */
final class ResourceRuntime implements ResourceActions {

    private static final System.Logger LOG = System.getLogger(ResourceRuntime.class.getName());
    private static final String LOGGER = "org.vigil.agent.failover";
    private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, GroupRunner> groups = new LinkedHashMap<>();
    private final ExecutorService worker;
    private final Consumer<Runnable> onLoop;
    private final Outbox outbox;
    private final CommandRunner runner;
    private final ClusterConfig config;
    private final Ticker ticker;
    private final Consumer<Boolean> exit;
    private final StopFailureEscalation stopFailure;
    private ResourceManager manager;

    /**
     * @param onLoop runs a task on the membership loop thread
     * @param exit called on the loop once shutdown released everything: true to send shutdone
     */
    ResourceRuntime(ClusterConfig config, ResourceFactory factory, ExecutorService worker, Consumer<Runnable> onLoop,
            Outbox outbox, CommandRunner runner, Ticker ticker, Consumer<Boolean> exit, StopFailurePolicy onStopFailure) {
        this.config = config;
        this.worker = worker;
        this.onLoop = onLoop;
        this.outbox = outbox;
        this.runner = runner;
        this.ticker = ticker;
        this.exit = exit;
        this.stopFailure = new StopFailureEscalation(onStopFailure, runner, task -> {
            Thread t = new Thread(task, "vigil-reboot");
            t.setDaemon(true);
            t.start();
        });
        for (ResourceGroup g : config.haResources().groups()) {
            List<ResourceAgent> agents = new ArrayList<>();
            for (ResourceSpec spec : g.resources()) {
                agents.add(factory.create(spec, g.key()));
            }
            groups.put(g.key(), new GroupRunner(g.key(), agents, ResourceRuntime::pauseBetweenStops));
        }
    }

    void attach(ResourceManager manager) {
        this.manager = manager;
    }

    Map<String, GroupRunner> groups() {
        return groups;
    }

    @Override
    public void startGroup(String key) {
        run(key, GroupRunner::start);
    }

    @Override
    public void stopGroup(String key) {
        run(key, GroupRunner::stop);
    }

    private void run(String key, Function<GroupRunner, GroupOutcome> op) {
        GroupRunner group = groups.get(key);
        if (group == null) {
            LOG.log(Level.ERROR, "no resource group [" + key + "]");
            return;
        }
        worker.execute(() -> {
            GroupOutcome outcome;
            try {
                outcome = op.apply(group);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "resource group " + key + " failed: " + e);
                outcome = new GroupOutcome(key, false, "internal error", false, List.of());
            }
            GroupOutcome done = outcome;
            onLoop.accept(() -> manager.onGroupOutcome(done, ticker.nanoTime()));
        });
    }

    @Override
    public void send(HaMessage body, Optional<String> dest) {
        if (dest.isEmpty()) {
            outbox.send(body);
            return;
        }
        // Heartbeat puts dest right after t (reqnodes, NS_rexmit in the captures).
        HaMessage.Builder b = HaMessage.builder();
        List<HaField> fields = body.fields();
        b.add(fields.get(0));
        b.add("dest", dest.get());
        fields.subList(1, fields.size()).forEach(b::add);
        outbox.send(b.build());
    }

    /**
     * STONITH through cluster-glue's {@code stonith} command, from ha.cf's {@code stonith TYPE
     * CONFIG-FILE} or {@code stonith_host HOST|* TYPE PARAMS}; runs on the worker like a group.
     */
    @Override
    public void fence(String node) {
        Optional<List<String>> command = fenceCommand(node);
        if (command.isEmpty()) {
            LOG.log(Level.ERROR, "no STONITH device applies to node " + node);
            onLoop.accept(() -> manager.onFenceResult(node, false, ticker.nanoTime()));
            return;
        }
        worker.execute(() -> {
            CommandResult r = runner.run(command.get(), Map.of(), FENCE_TIMEOUT);
            LOG.log(r.succeeded() ? Level.INFO : Level.ERROR, "STONITH of node " + node + ": " + r.describe());
            onLoop.accept(() -> manager.onFenceResult(node, r.succeeded(), ticker.nanoTime()));
        });
    }

    Optional<List<String>> fenceCommand(String node) {
        var cf = config.haCf();
        if (cf.stonith().isPresent()) {
            String[] w = cf.stonith().get().trim().split("\\s+");
            return Optional.of(List.of("stonith", "-t", w[0], "-F", w.length > 1 ? w[1] : "/dev/null", "-T", "reset", node));
        }
        for (String host : cf.stonithHosts()) {
            String[] w = host.trim().split("\\s+", 3);
            if (w.length >= 2 && (w[0].equals("*") || w[0].equalsIgnoreCase(config.localNode()))) {
                return Optional.of(List.of("stonith", "-t", w[1], "-p", w.length > 2 ? w[2] : "", "-T", "reset", node));
            }
        }
        return Optional.empty();
    }

    @Override
    public void log(LogLine line) {
        MembershipLog.log(LOGGER, line);
    }

    /** The group may still run here, so the manager holds it; then the configured escalation. */
    @Override
    public void stopFailed(String key) {
        stopFailure.escalate(key);
    }

    @Override
    public void readyToExit(boolean sendShutdone) {
        exit.accept(sendShutdone);
    }

    /** Heartbeat waits 1 s between stop retries; this runs on the worker, never on the loop. */
    private static void pauseBetweenStops() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
