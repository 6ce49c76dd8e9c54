package org.vigil.agent.failover;

import java.util.List;
import org.vigil.agent.failover.resource.OpResult;
import org.vigil.agent.failover.resource.ResourceAgent;
import org.vigil.agent.failover.resource.ResourceState;

/** A resource whose behaviour a test scripts, recording every operation in a shared journal. */
final class FakeResource implements ResourceAgent {

    private final String name;
    private final List<String> journal;
    boolean running;
    boolean failStart;
    int failStops;
    boolean stopLies;
    /** A non-LSB script: stop fails although the resource is (or ends up) stopped. */
    boolean stopFailsAnyway;

    FakeResource(String name, List<String> journal) {
        this.name = name;
        this.journal = journal;
    }

    @Override
    public String name() {
        return name;
    }

    /** Like the built-in address agents: an address is announced by starting it. */
    @Override
    public boolean startAnnounces() {
        return name.startsWith("IPaddr") || name.startsWith("IPv6addr");
    }

    @Override
    public OpResult start() {
        journal.add("start " + name);
        if (failStart) {
            return OpResult.failed("refused");
        }
        running = true;
        return OpResult.ok(ResourceState.RUNNING, "ok");
    }

    @Override
    public OpResult stop() {
        journal.add("stop " + name);
        if (failStops > 0) {
            failStops--;
            return OpResult.failed("busy");
        }
        running = stopLies;
        return stopFailsAnyway ? OpResult.failed("exit 1") : OpResult.ok(ResourceState.STOPPED, "ok");
    }

    @Override
    public OpResult status() {
        return OpResult.ok(running ? ResourceState.RUNNING : ResourceState.STOPPED, "");
    }
}
