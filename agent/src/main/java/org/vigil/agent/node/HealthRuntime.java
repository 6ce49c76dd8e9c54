package org.vigil.agent.node;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.vigil.agent.failover.GroupRunner;
import org.vigil.agent.failover.ResourceManager;
import org.vigil.agent.failover.resource.OpResult;
import org.vigil.agent.failover.resource.ResourceAgent;
import org.vigil.agent.health.HealthActions;
import org.vigil.agent.health.HealthAlert;
import org.vigil.agent.time.Ticker;

/**
 * What a failing check does to the cluster: alerts go to the log; a restart stops and starts one
 * resource on the resource worker (never on a check thread, never concurrently with a group
 * start); a move makes this node ineligible for the group and hands it to the peer through the
 * resource manager, on the loop.
 */
final class HealthRuntime implements HealthActions {

    private static final System.Logger LOG = System.getLogger(HealthRuntime.class.getName());

    private final java.util.Map<String, GroupRunner> groups;
    private final ExecutorService worker;
    private final Consumer<Consumer<ResourceManager>> onLoop;
    private final Ticker ticker;

    HealthRuntime(java.util.Map<String, GroupRunner> groups, ExecutorService worker,
            Consumer<Consumer<ResourceManager>> onLoop, Ticker ticker) {
        this.groups = groups;
        this.worker = worker;
        this.onLoop = onLoop;
        this.ticker = ticker;
    }

    @Override
    public void alert(HealthAlert alert) {
        Level level = switch (alert.kind()) {
            case FAILURE, RESTARTS_EXHAUSTED -> Level.ERROR;
            case UP, STARTUP, FLAPPING_ENDED -> Level.INFO;
            default -> Level.WARNING;
        };
        LOG.log(level, "check " + alert.check() + " (group " + alert.group() + "): " + alert.kind().name().toLowerCase()
                + ": " + alert.summary());
    }

    @Override
    public void restartResource(String group, String resource, String check, int attempt, int maxAttempts) {
        GroupRunner runner = groups.get(group);
        if (runner == null) {
            LOG.log(Level.ERROR, "check " + check + ": no resource group [" + group + "] to restart " + resource + " in");
            return;
        }
        worker.execute(() -> runner.resource(resource).ifPresentOrElse(agent -> restart(agent, check, attempt, maxAttempts),
                () -> LOG.log(Level.ERROR, "check " + check + ": group " + group + " has no resource [" + resource + "]")));
    }

    private static void restart(ResourceAgent agent, String check, int attempt, int max) {
        LOG.log(Level.WARNING, "check " + check + " failed: restarting " + agent.name() + " (" + attempt + " of " + max + ")");
        OpResult stopped = agent.stop();
        OpResult started = stopped.success() ? agent.start() : stopped;
        LOG.log(started.success() ? Level.INFO : Level.ERROR, "restart of " + agent.name() + ": " + started.detail());
    }

    @Override
    public void moveGroup(String group, String check, String reason, Instant until) {
        LOG.log(Level.WARNING, "check " + check + ": moving group " + group + " to the peer: " + reason);
        OptionalLong untilNanos = until == null ? OptionalLong.empty()
                : OptionalLong.of(ticker.nanoTime() + Math.max(0, Duration.between(Instant.now(), until).toNanos()));
        onLoop.accept(rm -> {
            rm.setIneligible(group, untilNanos, ticker.nanoTime());
            rm.moveAway(group, ticker.nanoTime());
        });
    }

    @Override
    public void eligibleAgain(String group, String check, boolean byOperator) {
        LOG.log(Level.INFO, "this node may hold group " + group + " again (" + (byOperator ? "cleared by an operator"
                : "the failures of check " + check + " aged out") + ")");
        onLoop.accept(rm -> rm.clearIneligible(group, ticker.nanoTime()));
    }
}
