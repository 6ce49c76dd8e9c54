package org.vigil.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.agent.health.HealthStatus;
import org.vigil.agent.health.StatusFile;
import org.vigil.agent.state.StateDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil checks}: the state of the running agent's health checks, read from the status
 * file it keeps in its state directory ({@code checks.json}), as a table. Exit 0 when the agent
 * that wrote the file is running, 1 when there is no file or it is stale.
 *
 * <p>{@code vigil checks run NAME} runs one check here and now ({@link ChecksRunCommand});
 * {@code vigil checks clear NAME} tells the running agent (over its control socket) to forget the
 * check's failures, so that this node may hold the group again.
 */
@Command(name = "checks", mixinStandardHelpOptions = true, subcommands = {ChecksRunCommand.class, ChecksCommand.Clear.class},
        description = {"Show the state of the running agent's health checks.",
            "Exit status: 0 the agent is running, 1 no status (agent not running, or no checks) or a stale one."})
final class ChecksCommand implements Callable<Integer> {

    static final int NOT_RUNNING = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "The agent's state directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "/var/lib/vigil")
    Path stateDir = StateDir.DEFAULT;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = stateDir.resolve(StatusFile.NAME);
        if (!Files.exists(file)) {
            err.println("vigil checks: no check status in " + file + ": the agent is not running with this"
                    + " --state-dir, or its configuration has no checks (see vigil check-config)");
            return NOT_RUNNING;
        }
        HealthStatus status;
        try {
            status = StatusFile.read(file);
        } catch (IOException e) {
            err.println("vigil checks: cannot read " + file + ": " + e.getMessage());
            return NOT_RUNNING;
        }
        out.print(ChecksTable.render(status.checks()));
        boolean running = ProcessHandle.of(status.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!running) {
            out.println();
            out.println("The agent that wrote this (pid " + status.pid() + ") is not running: this is the state as of "
                    + ChecksTable.time(status.written()) + ".");
        }
        out.flush();
        return running ? 0 : NOT_RUNNING;
    }

    /** {@code vigil checks clear NAME}: an operator says the failure is repaired. */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Forget a check's failures on the running agent, so this node may hold its group again.")
    static final class Clear implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "NAME")
        String name;

        @picocli.CommandLine.Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/lib/vigil",
                description = "The running node's state directory (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path stateDir;

        @Override
        public Integer call() {
            return StatusCommand.ControlClient.run(spec, stateDir, "clear-check " + name);
        }
    }
}
