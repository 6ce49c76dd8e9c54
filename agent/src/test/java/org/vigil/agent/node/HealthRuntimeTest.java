package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vigil.agent.failover.GroupRunner;
import org.vigil.agent.failover.ResourceManager;
import org.vigil.agent.failover.resource.OpResult;
import org.vigil.agent.failover.resource.ResourceAgent;
import org.vigil.agent.failover.resource.ResourceState;
import org.vigil.agent.testing.ManualExecutor;
import org.vigil.agent.time.FakeTicker;

class HealthRuntimeTest {

    private final List<String> journal = new ArrayList<>();

    private ResourceAgent agent(String name) {
        return new ResourceAgent() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public OpResult start() {
                journal.add("start " + name);
                return OpResult.ok(ResourceState.RUNNING, "started");
            }

            @Override
            public OpResult stop() {
                journal.add("stop " + name);
                return OpResult.ok(ResourceState.STOPPED, "stopped");
            }

            @Override
            public OpResult status() {
                return OpResult.ok(ResourceState.RUNNING, "");
            }
        };
    }

    @Test
    void restart_stopsThenStartsOnlyThatResource_onTheWorker() {
        GroupRunner group = new GroupRunner("10.0.0.1", List.of(agent("IPaddr2::10.0.0.1"), agent("apache2")), () -> { });
        List<Consumer<ResourceManager>> onLoop = new ArrayList<>();
        ManualExecutor worker = new ManualExecutor();
        HealthRuntime runtime = new HealthRuntime(Map.of("10.0.0.1", group), worker, onLoop::add, new FakeTicker());
        runtime.restartResource("10.0.0.1", "apache2", "web", 1, 3);
        assertEquals(List.of(), journal, "nothing runs on the check's thread");
        worker.runAll();
        assertEquals(List.of("stop apache2", "start apache2"), journal);
        runtime.restartResource("10.0.0.1", "nosuch", "web", 1, 3);
        runtime.restartResource("nogroup", "apache2", "web", 1, 3);
        worker.runAll();
        assertEquals(2, journal.size(), "unknown resources and groups change nothing");
        assertEquals(0, onLoop.size(), "a restart never involves the resource manager");
    }

    @Test
    void moveAndEligibility_goToTheResourceManagerOnTheLoop() {
        List<Consumer<ResourceManager>> onLoop = new ArrayList<>();
        FakeTicker ticker = new FakeTicker();
        ResourceManager rm = new ResourceManager(org.vigil.agent.failover.FailoverSettings.of("a", List.of("a", "b"),
                List.of(new org.vigil.agent.failover.FailoverSettings.Group("10.0.0.1", "a")),
                org.vigil.agent.config.AutoFailback.ON, List.of(), false), new NoActions(), ticker.nanoTime());
        HealthRuntime real = new HealthRuntime(Map.of(), new ManualExecutor(), onLoop::add, ticker);
        real.moveGroup("10.0.0.1", "web", "3 failures", Instant.now().plusSeconds(600));
        assertEquals(1, onLoop.size(), "submitted to the loop, never run on the check thread");
        onLoop.remove(0).accept(rm);
        assertEquals(false, rm.snapshot().groups().get(0).eligible(), "this node may not hold the group now");
        real.eligibleAgain("10.0.0.1", "web", true);
        onLoop.remove(0).accept(rm);
        assertEquals(true, rm.snapshot().groups().get(0).eligible());
    }

    /** The resource manager's outputs are not under test here. */
    static final class NoActions implements org.vigil.agent.failover.ResourceActions {
        @Override
        public void startGroup(String key) {
        }

        @Override
        public void stopGroup(String key) {
        }

        @Override
        public void send(org.vigil.agent.wire.HaMessage body, java.util.Optional<String> dest) {
        }

        @Override
        public void fence(String node) {
        }

        @Override
        public void log(org.vigil.agent.membership.LogLine line) {
        }

        @Override
        public void stopFailed(String key) {
        }

        @Override
        public void readyToExit(boolean sendShutdone) {
        }
    }
}
