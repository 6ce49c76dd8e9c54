package org.vigil.agent.failover.resource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;

/**
 * A Heartbeat resource.d script or an init script: {@code script [args] start|stop|status}, the
 * haresources arguments before the action. Status is judged from the output text as Heartbeat
 * does, then from the LSB exit code.
 */
public final class ScriptAgent implements ResourceAgent {

    private final String name;
    private final Path script;
    private final List<String> args;
    private final Map<String, String> environment;
    private final CommandRunner runner;
    private final Duration timeout;

    public ScriptAgent(String name, Path script, List<String> args, Map<String, String> environment, CommandRunner runner,
            Duration timeout) {
        this.name = name;
        this.script = script;
        this.args = List.copyOf(args);
        this.environment = Map.copyOf(environment);
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OpResult start() {
        return action("start");
    }

    @Override
    public OpResult stop() {
        return action("stop");
    }

    @Override
    public OpResult status() {
        CommandResult r = run("status");
        if (r.timedOut() || r.startError() != null) {
            return OpResult.failed(r.describe());
        }
        ResourceState state = StatusText.fromText(r.stdout()).orElseGet(() -> StatusText.fromLsbExit(r.exitCode()));
        return OpResult.ok(state, r.describe() + (r.firstLine().isEmpty() ? "" : ": " + r.firstLine()));
    }

    private OpResult action(String action) {
        CommandResult r = run(action);
        return r.succeeded() ? OpResult.ok(action.equals("start") ? ResourceState.RUNNING : ResourceState.STOPPED, r.describe())
                : OpResult.failed(r.describe() + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip().lines().findFirst().orElse("")));
    }

    private CommandResult run(String action) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        command.add(action);
        return runner.run(command, environment, timeout);
    }
}
