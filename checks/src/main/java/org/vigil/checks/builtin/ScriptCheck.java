package org.vigil.checks.builtin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;
import org.vigil.checks.Durations;

/**
 * Type {@code script}: runs a program (mon's monitor programs, Heartbeat/LSB status scripts).
 * Standard output and error go to a private temporary file rather than a pipe, so a grandchild
 * that keeps the pipe open can never block us. At the deadline the program and its children are
 * killed and the result is TIMEOUT.
 */
final class ScriptCheck extends AbstractCheck {

    private final List<String> command;
    private final StatusConvention convention;
    private final Map<String, String> env;

    private ScriptCheck(String name, Duration timeout, List<String> command, StatusConvention convention,
            Map<String, String> env) {
        super(name, "script", timeout);
        this.command = command;
        this.convention = convention;
        this.env = env;
    }

    static ScriptCheck create(String name, CheckOptions o) {
        Duration timeout = o.timeout();
        String program = o.required("program");
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(Processes.splitArgs(o.string("args", "")));
        String conv = o.choice("convention", "mon", "mon", "lsb", "status");
        Map<String, String> env = o.prefixed("env.");
        if (program.contains(File.separator) && !Files.isExecutable(Path.of(program))) {
            o.error("program", "'" + program + "' is not an executable file");
        }
        return new ScriptCheck(name, timeout, List.copyOf(cmd),
                StatusConvention.valueOf(conv.toUpperCase(Locale.ROOT)), env);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws IOException, InterruptedException {
        Path out = Files.createTempFile("vigil-check-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            pb.environment().put("VIGIL_CHECK", name());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return CheckResult.error("cannot run " + command.get(0) + ": " + e.getMessage(), "");
            }
            ctx.onAbandon(() -> Processes.killTree(p));
            boolean done;
            try {
                done = p.waitFor(ctx.remainingAtMost(null).toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Processes.killTree(p);
                throw e;
            }
            if (!done) {
                Processes.killTree(p);
                return CheckResult.timeout(command.get(0) + " killed after " + Durations.format(timeout()))
                        .withDetail(Processes.readCapped(out));
            }
            return convention.interpret(p.exitValue(), Processes.readCapped(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
