package org.vigil.agent.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.vigil.agent.time.Ticker;

/**
 * {@link CommandRunner} on real processes. Output is captured up to a limit (a chatty script
 * cannot exhaust memory); at the deadline the process and all its descendants get SIGKILL, since
 * a hung resource script that leaves a child holding a port would block the takeover.
 */
public final class ProcessCommandRunner implements CommandRunner {

    static final int MAX_OUTPUT = 64 * 1024;

    private final Ticker ticker;

    public ProcessCommandRunner(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public CommandResult run(List<String> command, Map<String, String> environment, Duration timeout) {
        return run(command, environment, timeout, new byte[0]);
    }

    @Override
    public CommandResult run(List<String> command, Map<String, String> environment, Duration timeout, byte[] input) {
        long start = ticker.nanoTime();
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (input.length == 0) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            pb.environment().putAll(environment);
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            return new CommandResult(command, -1, "", "", false, e.getMessage(), elapsed(start));
        }
        if (input.length > 0) {
            feed(process, input);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        boolean finished = waitFor(process, timeout);
        if (!finished) {
            killTree(process);
        }
        int exit = finished ? process.exitValue() : -1;
        return new CommandResult(command, exit, join(out), join(err), !finished, null, elapsed(start));
    }

    /** Writes standard input on its own thread, so a program that never reads cannot block us. */
    private static void feed(Process process, byte[] input) {
        Thread t = new Thread(() -> {
            try (var in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                // the program exited without reading all of it
            }
        }, "vigil-exec-input");
        t.setDaemon(true);
        t.start();
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills descendants first, so that none is re-parented and left running. */
    static void killTree(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    int room = MAX_OUTPUT - kept.size();
                    if (room > 0) {
                        kept.write(buf, 0, Math.min(room, n));
                    }
                }
            } catch (IOException e) {
                // the process was killed: keep what we read
            }
            result.complete(kept.toString(StandardCharsets.UTF_8));
        }, "vigil-exec-output");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Waits briefly for the output readers: a killed tree's grandchildren may hold the pipe open. */
    private static String join(CompletableFuture<String> output) {
        try {
            return output.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "";
        }
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(ticker.nanoTime() - start);
    }
}
