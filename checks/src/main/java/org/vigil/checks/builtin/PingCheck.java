package org.vigil.checks.builtin;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;

/**
 * Type {@code ping}: one ICMP echo to each host, all hosts in parallel; OK only if every host
 * answers. The summary lists the hosts that did not answer, space-separated (mon's convention).
 *
 * <p>Java has no raw sockets, so by default ({@code method=auto}) this runs the system
 * {@code ping -n -c 1 -W SECS HOST} (iputils-ping, which holds the capability to send ICMP).
 * Only when no ping program is found does it fall back to {@link InetAddress#isReachable}, which
 * sends ICMP only when the JVM runs as root and otherwise tries TCP port 7 (echo), a weaker test.
 */
final class PingCheck extends AbstractCheck {

    private static final List<String> PING_PATHS = List.of("/usr/bin/ping", "/bin/ping");

    private final List<String> hosts;
    private final String pingProgram;

    private PingCheck(String name, Duration timeout, List<String> hosts, String pingProgram) {
        super(name, "ping", timeout);
        this.hosts = hosts;
        this.pingProgram = pingProgram;
    }

    static PingCheck create(String name, CheckOptions o) {
        Duration timeout = o.timeout();
        List<String> hosts = List.of(o.required("hosts").split("[,\\s]+"));
        String method = o.choice("method", "auto", "auto", "command", "java");
        String program = method.equals("java") ? null : findPing();
        if (method.equals("command") && program == null) {
            o.error("method", "command needs ping installed (" + String.join(" or ", PING_PATHS) + ")");
        }
        return new PingCheck(name, timeout, hosts, program);
    }

    private static String findPing() {
        return PING_PATHS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }

    /** @return the ping program used, or empty for the InetAddress fallback */
    String method() {
        return pingProgram == null ? "java" : pingProgram;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException, IOException {
        List<String> down = pingProgram == null ? pingJava(ctx) : pingCommand(ctx);
        if (down.isEmpty()) {
            return CheckResult.ok(hosts.size() == 1 ? hosts.get(0) + " answers ping"
                    : "all " + hosts.size() + " hosts answer ping");
        }
        return CheckResult.failed(String.join(" ", down), "no ping reply from: " + String.join(", ", down));
    }

    private List<String> pingCommand(CheckContext ctx) throws InterruptedException, IOException {
        // -W takes whole seconds in older iputils: round up, but never past the deadline (we kill)
        long secs = Math.max(1, (ctx.remaining().toMillis() + 999) / 1000);
        List<Process> procs = new ArrayList<>();
        try {
            for (String h : hosts) {
                Process p = new ProcessBuilder(pingProgram, "-n", "-q", "-c", "1", "-W", Long.toString(secs), h)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                procs.add(p);
                ctx.onAbandon(p::destroyForcibly);
            }
            List<String> down = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                Process p = procs.get(i);
                boolean done = p.waitFor(ctx.remainingAtMost(null).toNanos(), TimeUnit.NANOSECONDS);
                if (!done || p.exitValue() != 0) {
                    down.add(hosts.get(i));
                }
            }
            return down;
        } finally {
            procs.forEach(Process::destroyForcibly);
        }
    }

    private List<String> pingJava(CheckContext ctx) {
        List<String> down = new ArrayList<>();
        for (String h : hosts) {
            try {
                if (!InetAddress.getByName(h).isReachable(ctx.remainingMillisAtMost(null))) {
                    down.add(h);
                }
            } catch (UnknownHostException e) {
                down.add(h);
            } catch (IOException e) {
                down.add(h);
            }
        }
        return down;
    }
}
