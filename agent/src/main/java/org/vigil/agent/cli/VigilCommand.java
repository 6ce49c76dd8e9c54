package org.vigil.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line: the entry point of the launcher and of the jar. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Heartbeat-compatible high-availability agent for Linux.",
        subcommands = {CheckConfigCommand.class, ConfigReferenceCommand.class, CommandLine.HelpCommand.class})
public final class VigilCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static CommandLine commandLine() {
        return new CommandLine(new VigilCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
