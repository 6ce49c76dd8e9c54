package org.vigil.agent.failover.resource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;

/**
 * Built-in {@code drbddisk[::resource]} (default resource {@code all}): makes this node the DRBD
 * primary on start and secondary on stop, as Heartbeat's drbddisk script does; running means
 * {@code drbdadm role} reports Primary for the local side.
 */
public final class DrbdDiskAgent implements ResourceAgent {

    private final String name;
    private final String resource;
    private final String drbdadm;
    private final CommandRunner runner;
    private final Duration timeout;

    /** @param drbdadm the drbdadm program (tests pass a fake script) */
    public DrbdDiskAgent(String name, List<String> args, String drbdadm, CommandRunner runner, Duration timeout) {
        this.name = name;
        this.resource = args.isEmpty() ? "all" : args.get(0);
        this.drbdadm = drbdadm;
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OpResult start() {
        return act("primary", ResourceState.RUNNING);
    }

    @Override
    public OpResult stop() {
        return act("secondary", ResourceState.STOPPED);
    }

    private OpResult act(String role, ResourceState after) {
        CommandResult r = runner.run(List.of(drbdadm, role, resource), Map.of(), timeout);
        return r.succeeded() ? OpResult.ok(after, "DRBD " + resource + " is now " + role)
                : OpResult.failed(r.describe() + ": " + r.stderr().strip());
    }

    @Override
    public OpResult status() {
        CommandResult r = runner.run(List.of(drbdadm, "role", resource), Map.of(), timeout);
        if (!r.succeeded()) {
            return OpResult.failed(r.describe() + ": " + r.stderr().strip());
        }
        boolean primary = r.stdout().lines().allMatch(l -> l.strip().startsWith("Primary")) && !r.stdout().isBlank();
        return OpResult.ok(primary ? ResourceState.RUNNING : ResourceState.STOPPED, "DRBD " + resource + " role " + r.firstLine());
    }
}
