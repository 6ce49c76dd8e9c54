package org.vigil.agent.cli;

import org.vigil.agent.config.HostEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line: the entry point of the launcher and of the jar. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Heartbeat-compatible high-availability agent for Linux.",
        subcommands = {DemoCommand.class, RunCommand.class, StatusCommand.class, OperatorCommand.Standby.class,
            OperatorCommand.Takeover.class, OperatorCommand.Maintenance.class, ChecksCommand.class, CheckConfigCommand.class,
            ConfigReferenceCommand.class, CommandLine.HelpCommand.class})
public final class VigilCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static CommandLine commandLine() {
        return commandLine(HostEnvironment.system());
    }

    /** The command line with the machine the checks look at; tests pass a fake one. */
    static CommandLine commandLine(HostEnvironment host) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K created = defaults.create(type);
                if (created instanceof CheckConfigCommand check) {
                    check.host = host;
                } else if (created instanceof RunCommand run) {
                    run.host = host;
                }
                return created;
            }
        };
        return new CommandLine(new VigilCommand(), factory);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
