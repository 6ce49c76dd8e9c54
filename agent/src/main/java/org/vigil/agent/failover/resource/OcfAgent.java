package org.vigil.agent.failover.resource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;

/**
 * An OCF resource agent ({@code /usr/lib/ocf/resource.d/heartbeat/NAME}): parameters come from
 * haresources arguments written {@code name=value} and are passed as {@code OCF_RESKEY_name};
 * status is the {@code monitor} action, 0 running, 7 not running, anything else an error.
 */
public final class OcfAgent implements ResourceAgent {

    static final int OCF_NOT_RUNNING = 7;

    private final String name;
    private final Path agent;
    private final Map<String, String> environment;
    private final CommandRunner runner;
    private final Duration timeout;

    public OcfAgent(String name, Path agent, List<String> args, String instance, CommandRunner runner, Duration timeout) {
        this.name = name;
        this.agent = agent;
        this.runner = runner;
        this.timeout = timeout;
        Map<String, String> env = new HashMap<>();
        Path root = agent.getParent() == null || agent.getParent().getParent() == null ? Path.of("/usr/lib/ocf")
                : agent.getParent().getParent().getParent();
        env.put("OCF_ROOT", root == null ? "/usr/lib/ocf" : root.toString());
        env.put("OCF_RESOURCE_INSTANCE", instance);
        env.put("OCF_RESOURCE_TYPE", agent.getFileName().toString());
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                env.put("OCF_RESKEY_" + arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        this.environment = Map.copyOf(env);
    }

    /** Whether every argument is {@code name=value}, as OCF parameters must be. */
    public static boolean argumentsAreParameters(List<String> args) {
        return args.stream().allMatch(a -> a.indexOf('=') > 0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OpResult start() {
        CommandResult r = run("start");
        return r.succeeded() ? OpResult.ok(ResourceState.RUNNING, r.describe()) : OpResult.failed(reason(r));
    }

    @Override
    public OpResult stop() {
        CommandResult r = run("stop");
        return r.succeeded() ? OpResult.ok(ResourceState.STOPPED, r.describe()) : OpResult.failed(reason(r));
    }

    @Override
    public OpResult status() {
        CommandResult r = run("monitor");
        if (r.timedOut() || r.startError() != null) {
            return OpResult.failed(r.describe());
        }
        return switch (r.exitCode()) {
            case 0 -> OpResult.ok(ResourceState.RUNNING, r.describe());
            case OCF_NOT_RUNNING -> OpResult.ok(ResourceState.STOPPED, r.describe());
            default -> new OpResult(true, ResourceState.UNKNOWN, reason(r));
        };
    }

    /** OCF agents explain failures on stderr after {@code ocf-exit-reason:}. */
    private static String reason(CommandResult r) {
        return r.stderr().lines().filter(l -> l.contains("ocf-exit-reason:"))
                .map(l -> r.describe() + ": " + l.substring(l.indexOf("ocf-exit-reason:") + 16).strip())
                .findFirst().orElse(r.describe());
    }

    private CommandResult run(String action) {
        return runner.run(List.of(agent.toString(), action), environment, timeout);
    }
}
