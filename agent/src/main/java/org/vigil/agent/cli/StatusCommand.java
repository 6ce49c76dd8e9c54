package org.vigil.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.agent.node.ControlServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil status}: asks the running node (through its control socket in the state
 * directory) how it sees the cluster. Exit 0 when it answered, 3 when no node runs there (LSB's
 * "not running"), 2 for bad arguments.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show how the running node sees the cluster: nodes, their status and links.")
final class StatusCommand implements Callable<Integer> {

    static final int NOT_RUNNING = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/lib/vigil",
            description = "The running node's state directory (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Override
    public Integer call() {
        return ControlClient.run(spec, stateDir, "status");
    }

    /** Shared by the commands that talk to a running node. */
    static final class ControlClient {

        private ControlClient() {
        }

        static int run(CommandSpec spec, Path stateDir, String command) {
            Path socket = stateDir.resolve("control.sock");
            if (!Files.exists(socket)) {
                spec.commandLine().getErr().println("vigil: no running node at " + stateDir + " (no control.sock);"
                        + " is 'vigil run' running with --state-dir " + stateDir + "?");
                return NOT_RUNNING;
            }
            try {
                ControlServer.Reply reply = ControlServer.send(socket, command);
                (reply.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr()).print(reply.text());
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().flush();
                return reply.ok() ? 0 : 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println("vigil: the node at " + stateDir + " does not answer: " + e.getMessage());
                return NOT_RUNNING;
            }
        }
    }
}
