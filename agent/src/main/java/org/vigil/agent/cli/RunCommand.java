package org.vigil.agent.cli;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.agent.config.Diagnostic;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.config.LoadedConfig;
import org.vigil.agent.config.Severity;
import org.vigil.agent.log.LogSetup;
import org.vigil.agent.node.NodeOptions;
import org.vigil.agent.node.StopFailurePolicy;
import org.vigil.agent.node.VigilNode;
import org.vigil.agent.time.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil run}: the agent in the foreground. A configuration with errors never starts (the
 * errors are printed, exit status 6 as Heartbeat's "not configured"); SIGTERM or Ctrl-C stops it
 * gracefully, telling the peers at once.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the agent in the foreground, logging where ha.cf says and to standard error.",
            "Exit status: 0 after a clean stop, 1 if it could not start, 2 bad arguments, 6 configuration errors."})
final class RunCommand implements Callable<Integer> {

    static final int NOT_CONFIGURED = 6;
    private static final System.Logger LOG = System.getLogger(RunCommand.class.getName());

    @Spec
    CommandSpec spec;

    @Mixin
    CheckConfigCommand.ConfigOptions config;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/lib/vigil",
            description = "Generation number, UUID and runtime files (default: ${DEFAULT-VALUE}); one per node.")
    Path stateDir;

    @Option(names = "--debug", description = "Log debug messages to standard error too.")
    boolean debug;

    @Option(names = "--on-stop-failure", paramLabel = "reboot|hold", defaultValue = "reboot",
            converter = StopFailureActionConverter.class,
            description = {"When a resource will not stop (10 attempts, status still running): reboot this node, as"
                + " Heartbeat does, so that the other node takes over (default), or hold the group here until an"
                + " operator stops it."})
    StopFailurePolicy.Action onStopFailure;

    @Option(names = "--reboot-command", paramLabel = "COMMAND", defaultValue = "reboot -nf",
            description = "How this node reboots itself for --on-stop-failure reboot (default: ${DEFAULT-VALUE}).")
    String rebootCommand;

    HostEnvironment host = HostEnvironment.system();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (rebootCommand.isBlank()) {
            err.println("vigil run: --reboot-command is empty; give the command that reboots this machine");
            err.flush();
            return CheckConfigCommand.USAGE;
        }
        Optional<LoadedConfig> load = config.load("vigil run", host, err);
        if (load.isEmpty()) {
            return CheckConfigCommand.USAGE;
        }
        LoadedConfig loaded = load.get();
        for (Diagnostic d : loaded.diagnostics()) {
            if (d.severity() != Severity.NOTE) {
                err.println(d.format());
            }
        }
        if (loaded.hasErrors()) {
            err.println("vigil run: configuration error, Vigil not started (run vigil check-config for details)");
            err.flush();
            return NOT_CONFIGURED;
        }
        err.flush();
        LogSetup.configure(loaded.config().haCf().logging(), loaded.config().localNode(), true, debug);
        StopFailurePolicy policy = new StopFailurePolicy(onStopFailure, List.of(rebootCommand.trim().split("\\s+")));
        VigilNode node = new VigilNode(loaded.config(), new NodeOptions(stateDir, true, debug, policy), Ticker.system());
        try {
            node.start((from, message, now) -> LOG.log(Level.DEBUG, "cluster message from " + from + ": " + message));
        } catch (java.io.IOException e) {
            LOG.log(Level.ERROR, "Vigil not started: " + e.getMessage());
            node.stop();
            return 1;
        }
        StopSignals.onTermOrInt(node::stop);
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "vigil-shutdown"));
        node.awaitStop();
        return 0;
    }

    /** {@code reboot} or {@code hold}, any case; anything else is a usage error that says what is allowed. */
    static final class StopFailureActionConverter implements ITypeConverter<StopFailurePolicy.Action> {
        @Override
        public StopFailurePolicy.Action convert(String value) {
            try {
                return StopFailurePolicy.Action.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not reboot or hold");
            }
        }
    }
}
