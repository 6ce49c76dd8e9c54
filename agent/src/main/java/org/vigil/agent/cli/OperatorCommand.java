package org.vigil.agent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Heartbeat's hb_standby, hb_takeover and a maintenance switch, sent to the running node over
 * its control socket. Exit 0 when the node accepted, 1 when it refused (the reason is printed),
 * 3 when no node runs there.
 */
final class OperatorCommand {

    private OperatorCommand() {
    }

    /** What the three commands share: the state directory and the way to reach the node. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/lib/vigil",
                description = "The running node's state directory (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        abstract String command();

        @Override
        public Integer call() {
            return StatusCommand.ControlClient.run(spec, stateDir, command());
        }
    }

    @Command(name = "standby", mixinStandardHelpOptions = true,
            description = "Give resource groups to the peer (hb_standby): all (default), local (ours) or foreign.")
    static final class Standby extends Base {
        @Parameters(arity = "0..1", paramLabel = "all|local|foreign", defaultValue = "all")
        String which;

        @Override
        String command() {
            return "standby " + which;
        }
    }

    @Command(name = "takeover", mixinStandardHelpOptions = true,
            description = "Take resource groups from the peer (hb_takeover): all (default), local or foreign.")
    static final class Takeover extends Base {
        @Parameters(arity = "0..1", paramLabel = "all|local|foreign", defaultValue = "all")
        String which;

        @Override
        String command() {
            return "takeover " + which;
        }
    }

    @Command(name = "maintenance", mixinStandardHelpOptions = true,
            description = "on: stop managing resources and touch nothing; off: manage them again.")
    static final class Maintenance extends Base {
        @Parameters(paramLabel = "on|off")
        String state;

        @Override
        String command() {
            return "maintenance " + state;
        }
    }

}
