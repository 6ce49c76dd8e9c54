package org.vigil.agent.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.agent.config.CheckDefinition;
import org.vigil.agent.config.ChecksFile;
import org.vigil.agent.config.Diagnostic;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.config.LoadedConfig;
import org.vigil.agent.config.Severity;
import org.vigil.agent.config.Suggestions;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil checks run NAME}: runs one check of the checks file here and now, with its own
 * deadline, and prints its status, summary, duration and detail. Independent of the agent: it
 * neither reads nor changes the running agent's state. Exit 0 if the check passed, 1 if it failed
 * (a timeout is a failure), 2 for unusable arguments such as an unknown check.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one health check of the checks file now, on this machine, and print its result.",
            "Exit status: 0 passed, 1 failed (or timed out), 2 unusable arguments or unknown check."})
final class ChecksRunCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckConfigCommand.ConfigOptions config;

    @Parameters(paramLabel = "NAME", description = "The check: a service name of the checks file.")
    String name;

    /** Replaced in tests. */
    HostEnvironment host = HostEnvironment.system();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<LoadedConfig> load = config.load("vigil checks run", host, err);
        if (load.isEmpty()) {
            return USAGE;
        }
        LoadedConfig loaded = load.get();
        ChecksFile checks = loaded.config().checks();
        Optional<CheckDefinition> def = checks.checks().stream().filter(c -> c.name().equals(name)).findFirst();
        if (def.isEmpty()) {
            err.println("vigil checks run: " + unknown(checks, loaded.diagnostics()));
            return USAGE;
        }
        CheckResult result;
        try (CheckRunner runner = new CheckRunner()) {
            result = runner.run(def.get().check()).orElseGet(() -> CheckResult.error("already running", ""));
        }
        print(out, def.get(), result);
        out.flush();
        return result.isFailure() ? FAILED : 0;
    }

    private String unknown(ChecksFile checks, List<Diagnostic> diagnostics) {
        List<String> names = checks.checks().stream().map(CheckDefinition::name).toList();
        StringBuilder msg = new StringBuilder("no check [" + name + "] in " + checks.file());
        Suggestions.closest(name, names, Suggestions.toleranceFor(name))
                .ifPresent(s -> msg.append("; did you mean ").append(s).append('?'));
        if (names.isEmpty()) {
            msg.append(" (it defines no usable checks)");
        } else if (msg.indexOf("did you mean") < 0) {
            msg.append("; its checks: ").append(String.join(", ", names));
        }
        long errors = diagnostics.stream()
                .filter(d -> d.severity() == Severity.ERROR && d.file().equals(checks.file())).count();
        if (errors > 0) {
            msg.append("; the file has ").append(errors).append(" error(s) and a check with errors is left out:"
                    + " see vigil check-config");
        }
        return msg.toString();
    }

    /** Summary and detail come from the check, which never puts a password in them; options are not printed. */
    private static void print(PrintWriter out, CheckDefinition def, CheckResult r) {
        out.println(def.name() + " (" + def.type() + ", group " + def.group() + "): " + r.status());
        out.println("summary:  " + r.summary());
        out.println("duration: " + r.duration().toMillis() + " ms");
        if (!r.detail().isBlank()) {
            out.println("detail:");
            r.detail().lines().forEach(l -> out.println("  " + l));
        }
    }
}
