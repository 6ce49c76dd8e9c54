package org.vigil.agent.health.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.agent.config.ChecksFile;
import org.vigil.agent.config.ChecksFileParser;
import org.vigil.agent.config.Diagnostics;
import org.vigil.agent.health.HealthActions;
import org.vigil.agent.health.HealthAlert;
import org.vigil.agent.health.HealthService;
import org.vigil.agent.health.StatusFile;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckRunner;
import org.vigil.checks.HealthCheck;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.schedule.CheckListener;
import org.vigil.checks.schedule.QuartzCheckScheduler;

/**
 * Runs many checks through the agent's real path (checks file parser, {@link HealthService},
 * {@link QuartzCheckScheduler}, {@link CheckRunner}, status file) against the targets of
 * {@link BenchTargets}, and prints what it cost: process CPU, check latency, late and skipped
 * runs, heap and threads. A measurement, not a test: {@code bin/bench-checks} runs it.
 *
 * <p>{@code ChecksBenchmark PORTS-FILE CHECKS SECONDS INTERVAL-MS THREADS STATE-DIR}: half the checks are
 * http and half tcp, spread over the targets' ports.
 */
public final class ChecksBenchmark {

    private ChecksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path portsFile = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        long intervalMs = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);

        List<Integer> http = new ArrayList<>();
        List<Integer> tcp = new ArrayList<>();
        for (String line : Files.readAllLines(portsFile)) {
            String[] w = line.split(" ");
            (w[0].equals("http") ? http : tcp).add(Integer.parseInt(w[1]));
        }
        ChecksFile checks = checksFile(count, intervalMs, http, tcp);

        // the status file goes where the caller can clean it up (bin/bench-checks: its temp directory)
        Path state = Files.createDirectories(Path.of(args[5]));
        Recorder rec = new Recorder(intervalMs);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        HealthService health = new HealthService(checks, new NoActions(), state.resolve(StatusFile.NAME),
                InstantSource.system());
        rec.delegate = health.listener();
        CheckRunner runner = new CheckRunner();
        QuartzCheckScheduler quartz = new QuartzCheckScheduler(runner::run, rec, threads, 1);
        health.start(quartz);
        long startCpu = os.getProcessCpuTime() - cpu0;

        long peakHeap = 0;
        long cpuHalf = 0;
        long runsHalf = 0;
        long halfAt = 0;
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(Math.max(0, t0 + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            if (s == seconds / 2) {
                cpuHalf = os.getProcessCpuTime();
                runsHalf = rec.runs.get();
                halfAt = System.nanoTime();
                rec.steady = true;
            }
        }
        long cpuEnd = os.getProcessCpuTime();
        long runsEnd = rec.runs.get();
        long tEnd = System.nanoTime();
        int peakThreads = threadBean.getPeakThreadCount();
        long heapUsed = memory.getHeapMemoryUsage().getUsed();
        health.close();
        runner.close();
        System.gc();
        long heapAfterGc = memory.getHeapMemoryUsage().getUsed();

        double wall = (tEnd - t0) / 1e9;
        double cpuSec = (cpuEnd - cpu0) / 1e9;
        double steadyWall = (tEnd - halfAt) / 1e9;
        double steadyCpu = (cpuEnd - cpuHalf) / 1e9;
        long steadyRuns = runsEnd - runsHalf;
        long ideal = (long) (count * (seconds * 1000.0 / intervalMs));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("vigil_checks", count + " (" + (count - count / 2) + " http, " + count / 2 + " tcp)");
        out.put("vigil_interval_ms", Long.toString(intervalMs));
        out.put("vigil_duration_s", String.format("%.1f", wall));
        out.put("vigil_quartz_threads", Integer.toString(threads));
        out.put("vigil_runs", runsEnd + " (ideal " + ideal + ")");
        out.put("vigil_failed_runs", rec.failures.get() + (rec.failureSamples.isEmpty() ? "" : " (e.g. "
                + String.join("; ", rec.failureSamples) + ")"));
        out.put("vigil_cpu_s", String.format("%.2f (%.1f%% of one core; start-up %.2f s)", cpuSec,
                100 * cpuSec / wall, startCpu / 1e9));
        out.put("vigil_cpu_steady", String.format("%.1f%% of one core over the second half, %.0f us per run",
                100 * steadyCpu / steadyWall, steadyRuns == 0 ? 0 : steadyCpu * 1e6 / steadyRuns));
        out.put("vigil_latency_ms", String.format("p50 %.2f, p99 %.2f, max %.2f", rec.latency.percentile(50) / 1e3,
                rec.latency.percentile(99) / 1e3, rec.latency.percentile(100) / 1e3));
        out.put("vigil_start_delay_ms", String.format("p50 %.1f, p99 %.1f, max %.1f (start after due)",
                rec.delay.percentile(50) / 1e3, rec.delay.percentile(99) / 1e3, rec.delay.percentile(100) / 1e3));
        out.put("vigil_late_runs", rec.late.get() + " (started more than 1 s after due)");
        out.put("vigil_steady_latency_ms", String.format("p50 %.2f, p99 %.2f, max %.2f (second half)",
                rec.steadyLatency.percentile(50) / 1e3, rec.steadyLatency.percentile(99) / 1e3,
                rec.steadyLatency.percentile(100) / 1e3));
        out.put("vigil_steady_start_delay_ms", String.format("p50 %.1f, p99 %.1f, max %.1f (second half)",
                rec.steadyDelay.percentile(50) / 1e3, rec.steadyDelay.percentile(99) / 1e3,
                rec.steadyDelay.percentile(100) / 1e3));
        out.put("vigil_steady_late_runs", rec.steadyLate.get() + " (second half)");
        out.put("vigil_skipped_runs", rec.skipped.get() + " (last run still going)");
        out.put("vigil_heap_mb", String.format("peak %.0f, at end %.0f, live after GC %.0f",
                peakHeap / 1048576.0, heapUsed / 1048576.0, heapAfterGc / 1048576.0));
        out.put("vigil_peak_threads", Integer.toString(peakThreads));
        out.forEach((k, v) -> System.out.println(k + ": " + v));
        System.exit(0); // daemon threads of abandoned checks, if any, must not keep us
    }

    static ChecksFile checksFile(int count, long intervalMs, List<Integer> http, List<Integer> tcp) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i % 100 == 0) {
                text.append("watch g").append(i / 100).append('\n');
            }
            text.append("  service c").append(i).append('\n');
            if (i % 2 == 0) {
                text.append("    monitor http url=http://127.0.0.1:").append(http.get(i / 2 % http.size()))
                        .append("/c").append(i).append(" timeout=5s\n");
            } else {
                text.append("    monitor tcp host=127.0.0.1 port=").append(tcp.get(i / 2 % tcp.size()))
                        .append(" timeout=5s\n");
            }
            text.append("    interval ").append(intervalMs).append("ms\n");
        }
        Diagnostics d = new Diagnostics();
        ChecksFile file = ChecksFileParser.parse("bench-checks", text.toString(), d, BuiltinChecks.registry());
        if (d.hasErrors()) {
            throw new IllegalStateException(d.sorted().toString());
        }
        return file;
    }

    /** Measures every run, then hands it to the health service as the scheduler would. */
    static final class Recorder implements CheckListener {
        final LatencyLog latency = new LatencyLog();
        final LatencyLog delay = new LatencyLog();
        final AtomicLong runs = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final List<String> failureSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong late = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final LatencyLog steadyLatency = new LatencyLog();
        final LatencyLog steadyDelay = new LatencyLog();
        final AtomicLong steadyLate = new AtomicLong();
        /** Set half way: from then on, runs are also counted apart from the start-up burst. */
        volatile boolean steady;
        private final Map<String, Long> lastEnd = new ConcurrentHashMap<>();
        private final long intervalMs;
        volatile CheckListener delegate;

        Recorder(long intervalMs) {
            this.intervalMs = intervalMs;
        }

        @Override
        public void onResult(HealthCheck check, CheckResult result, Instant at) {
            // Quartz plans the next run right after this returns, from the end of this one
            Long prev = lastEnd.put(check.name(), System.currentTimeMillis());
            if (prev != null) {
                long lateMs = at.toEpochMilli() - (prev + intervalMs);
                delay.add(Math.max(0, lateMs) * 1000);
                if (lateMs > 1000) {
                    late.incrementAndGet();
                }
                if (steady) {
                    steadyDelay.add(Math.max(0, lateMs) * 1000);
                    if (lateMs > 1000) {
                        steadyLate.incrementAndGet();
                    }
                }
            }
            latency.add(result.duration().toNanos() / 1000);
            if (steady) {
                steadyLatency.add(result.duration().toNanos() / 1000);
            }
            runs.incrementAndGet();
            if (result.isFailure() && failures.incrementAndGet() <= 3) {
                failureSamples.add(result.status() + " " + result.summary());
            }
            delegate.onResult(check, result, at);
        }

        @Override
        public void onSkipped(HealthCheck check, SkipReason reason, Instant at) {
            skipped.incrementAndGet();
            delegate.onSkipped(check, reason, at);
        }
    }

    /** The runtime's actions do nothing here; the targets never fail. */
    static final class NoActions implements HealthActions {
        @Override
        public void alert(HealthAlert alert) {
        }

        @Override
        public void restartResource(String group, String resource, String check, int attempt, int maxAttempts) {
        }

        @Override
        public void moveGroup(String group, String check, String reason, Instant until) {
        }

        @Override
        public void eligibleAgain(String group, String check, boolean byOperator) {
        }
    }
}
