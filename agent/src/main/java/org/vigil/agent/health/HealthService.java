package org.vigil.agent.health;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.agent.config.CheckDefinition;
import org.vigil.agent.config.ChecksFile;
import org.vigil.agent.state.StateDir;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckRunner;
import org.vigil.checks.Durations;
import org.vigil.checks.HealthCheck;
import org.vigil.checks.policy.PolicyEvent;
import org.vigil.checks.policy.ServiceMonitor;
import org.vigil.checks.schedule.CheckListener;
import org.vigil.checks.schedule.CheckScheduler;
import org.vigil.checks.schedule.QuartzCheckScheduler;

/**
 * The health checks of the checks file, running: every check on its schedule, each result fed to
 * the check's {@link ServiceMonitor}, and the monitor's decisions turned into calls on
 * {@link HealthActions}. Keeps the latest {@link CheckState} of every check and writes them to the
 * status file ({@code checks.json} in the state directory) whenever one changes.
 *
 * <p>Typical use by the runtime:
 * <pre>
 * HealthService health = HealthService.startWithQuartz(config.checks(), actions, stateDir, 16);
 * ...
 * health.close();
 * </pre>
 * or, to choose the scheduler (tests use {@code ManualCheckScheduler}):
 * <pre>
 * HealthService health = new HealthService(checks, actions, statusFile, clock);
 * CheckScheduler s = new QuartzCheckScheduler(runner::run, health.listener(), threads, seed);
 * health.start(s);
 * </pre>
 *
 * <p>Threads: results arrive on scheduler threads. All monitors and states sit behind one lock;
 * the decisions are queued under it, so they keep their order, and are delivered after it is
 * released (see {@link SerialDispatcher}); the status file is written outside it too.
 */
public final class HealthService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HealthService.class.getName());

    private final Object lock = new Object();
    private final Map<String, Tracked> checks = new LinkedHashMap<>();
    private final HealthActions actions;
    private final InstantSource clock;
    private final SerialDispatcher dispatcher = new SerialDispatcher();
    private final StatusWriter writer;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private CheckScheduler scheduler;
    private boolean closed;

    /** One check and what is known of it; guarded by {@code lock}. */
    private static final class Tracked {
        final CheckDefinition def;
        final ServiceMonitor monitor;
        CheckState state;
        Instant lastFailure;

        Tracked(CheckDefinition def, Instant now) {
            this.def = def;
            this.monitor = new ServiceMonitor(def.name(), def.alertPolicy(), def.escalation());
            this.state = new CheckState(def.name(), def.group(), def.type(), CheckState.PENDING,
                    monitor.state().name(), "", null, now, 0, 0, false, null, 0, 0);
        }
    }

    /**
     * @param checksFile the checks to run
     * @param actions    what the decisions are handed to
     * @param statusFile where to write the status ({@code StateDir.path().resolve(StatusFile.NAME)});
     *                   null for no file
     * @param clock      wall time for the policies' decisions outside results ({@link #clear},
     *                   {@link #tick}) and for the file's time stamp; results carry their own time
     */
    public HealthService(ChecksFile checksFile, HealthActions actions, Path statusFile, InstantSource clock) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        for (CheckDefinition def : checksFile.checks()) {
            checks.put(def.name(), new Tracked(def, now));
        }
        this.writer = new StatusWriter(statusFile, this::status);
    }

    /**
     * Builds and starts the production set-up: a {@link CheckRunner} (deadlines, no overlap) and a
     * {@link QuartzCheckScheduler} with {@code threads} threads, both closed by {@link #close}.
     * The status file goes to {@code stateDir/checks.json}.
     *
     * @param threads checks that may run at the same time; each thread waits for its check's
     *                deadline, so size it for the checks that may hang at once (16 is plenty for
     *                tens of checks)
     */
    public static HealthService startWithQuartz(ChecksFile checksFile, HealthActions actions, StateDir stateDir,
            int threads) {
        HealthService service = new HealthService(checksFile, actions, stateDir.path().resolve(StatusFile.NAME),
                InstantSource.system());
        CheckRunner runner = new CheckRunner();
        QuartzCheckScheduler quartz;
        try {
            quartz = new QuartzCheckScheduler(runner::run, service.listener(), threads, System.nanoTime());
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
        service.owned.add(runner);
        service.start(quartz);
        return service;
    }

    /** @return the listener to give the scheduler passed to {@link #start} */
    public CheckListener listener() {
        return new CheckListener() {
            @Override
            public void onResult(HealthCheck check, CheckResult result, Instant at) {
                HealthService.this.onResult(check.name(), result, at);
            }

            @Override
            public void onSkipped(HealthCheck check, SkipReason reason, Instant at) {
                HealthService.this.onSkipped(check.name());
            }
        };
    }

    /**
     * Starts monitoring (startup alerts) and schedules every check. The scheduler must report to
     * {@link #listener()}; it is closed by {@link #close}.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start(CheckScheduler checkScheduler) {
        Instant now = clock.instant();
        List<CheckDefinition> defs = new ArrayList<>();
        synchronized (lock) {
            if (scheduler != null || closed) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            scheduler = checkScheduler;
            for (Tracked t : checks.values()) {
                queue(t.def, t.monitor.start(now));
                defs.add(t.def);
            }
            writer.changed();
        }
        dispatcher.drain();
        writer.flush();
        for (CheckDefinition def : defs) {
            checkScheduler.schedule(def.check(), def.schedule());
        }
        LOG.log(System.Logger.Level.INFO, "health checks started: {0} check(s)", defs.size());
    }

    private void onResult(String name, CheckResult result, Instant at) {
        synchronized (lock) {
            Tracked t = checks.get(name);
            if (t == null || closed) {
                return;
            }
            queue(t.def, t.monitor.onResult(result, at));
            if (result.isFailure()) {
                t.lastFailure = at;
            }
            CheckState old = t.state;
            int inARow = result.isFailure() ? old.failuresInARow() + 1 : 0;
            update(t, result.status().name(), result.summary(), at, inARow, old.runs() + 1, at);
        }
        dispatcher.drain();
        writer.flush();
    }

    private void onSkipped(String name) {
        synchronized (lock) {
            Tracked t = checks.get(name);
            if (t != null) {
                CheckState s = t.state;
                // only a counter: not worth a rewrite of the file
                t.state = new CheckState(s.name(), s.group(), s.type(), s.status(), s.state(), s.summary(),
                        s.lastRun(), s.lastChange(), s.failuresInARow(), s.failCount(), s.ineligible(),
                        s.ineligibleUntil(), s.runs(), s.skipped() + 1);
            }
        }
    }

    /** Recomputes a check's state after its monitor moved; marks the file dirty if it visibly changed. */
    private void update(Tracked t, String status, String summary, Instant lastRun, int inARow, long runs, Instant now) {
        CheckState old = t.state;
        String state = t.monitor.state().name();
        boolean ineligible = t.monitor.ineligible();
        Duration timeout = t.def.escalation().failureTimeout();
        Instant until = ineligible && !timeout.isZero() && t.lastFailure != null ? t.lastFailure.plus(timeout) : null;
        boolean changed = !status.equals(old.status()) || !state.equals(old.state()) || ineligible != old.ineligible();
        CheckState next = new CheckState(old.name(), old.group(), old.type(), status, state, summary, lastRun,
                changed ? now : old.lastChange(), inARow, t.monitor.failCount(now), ineligible, until, runs,
                old.skipped());
        t.state = next;
        if (next.differsVisiblyFrom(old)) {
            writer.changed();
        }
    }

    /**
     * Operator clear (Pacemaker's cleanup): forgets the check's failures and restarts and makes
     * this node eligible for its group again ({@link HealthActions#eligibleAgain} with
     * {@code byOperator}, if it was ineligible).
     *
     * @return false if there is no such check
     */
    public boolean clear(String checkName) {
        Instant now = clock.instant();
        synchronized (lock) {
            Tracked t = checks.get(checkName);
            if (t == null) {
                return false;
            }
            clearLocked(t, now);
        }
        dispatcher.drain();
        writer.flush();
        return true;
    }

    /** {@link #clear} of every check that watches {@code group}. @return how many checks were cleared */
    public int clearGroup(String group) {
        Instant now = clock.instant();
        int n = 0;
        synchronized (lock) {
            for (Tracked t : checks.values()) {
                if (t.def.group().equals(group)) {
                    clearLocked(t, now);
                    n++;
                }
            }
        }
        dispatcher.drain();
        writer.flush();
        return n;
    }

    private void clearLocked(Tracked t, Instant now) {
        queue(t.def, t.monitor.clear(now));
        t.lastFailure = null;
        CheckState s = t.state;
        update(t, s.status(), s.summary(), s.lastRun(), s.failuresInARow(), s.runs(), now);
    }

    /**
     * Lets failures age out ({@code failure_timeout}) for checks that get no results (excluded,
     * or a long interval). Results age their own check already; the runtime may call this every
     * few seconds.
     */
    public void tick() {
        Instant now = clock.instant();
        synchronized (lock) {
            for (Tracked t : checks.values()) {
                queue(t.def, t.monitor.tick(now));
                CheckState s = t.state;
                update(t, s.status(), s.summary(), s.lastRun(), s.failuresInARow(), s.runs(), now);
            }
        }
        dispatcher.drain();
        writer.flush();
    }

    /** Runs the named check now, out of its schedule (an operator asked). @return false if unknown */
    public boolean runNow(String checkName) {
        CheckScheduler s;
        synchronized (lock) {
            s = scheduler;
        }
        return s != null && s.runNow(checkName);
    }

    /** @return the state of every check, in the order of the checks file */
    public List<CheckState> snapshot() {
        synchronized (lock) {
            List<CheckState> out = new ArrayList<>(checks.size());
            for (Tracked t : checks.values()) {
                out.add(t.state);
            }
            return out;
        }
    }

    /** @return the state of one check */
    public Optional<CheckState> state(String checkName) {
        synchronized (lock) {
            Tracked t = checks.get(checkName);
            return t == null ? Optional.empty() : Optional.of(t.state);
        }
    }

    /** @return false while a check of {@code group} has made this node ineligible for it */
    public boolean eligible(String group) {
        synchronized (lock) {
            return checks.values().stream().noneMatch(t -> t.def.group().equals(group) && t.monitor.ineligible());
        }
    }

    HealthStatus status() {
        return new HealthStatus(ProcessHandle.current().pid(), clock.instant(), snapshot());
    }

    /** For tests: is the state lock held by the calling thread? */
    boolean holdsLock() {
        return Thread.holdsLock(lock);
    }

    /** For tests and the benchmark: how many times the status file was written. */
    long statusWrites() {
        return writer.writes();
    }

    /** Stops the scheduler (and the runner, if {@link #startWithQuartz} made it); late results are ignored. */
    @Override
    public void close() {
        CheckScheduler s;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            s = scheduler;
        }
        if (s != null) {
            s.close();
        }
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing {0}: {1}", c, e.toString());
            }
        }
    }

    /** Turns the monitor's decisions into queued action calls; called under the lock, so order holds. */
    private void queue(CheckDefinition def, List<PolicyEvent> events) {
        for (PolicyEvent e : events) {
            Runnable call = call(def, e);
            dispatcher.enqueue(() -> {
                try {
                    call.run();
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.ERROR, "health action for check " + def.name() + " failed", ex);
                }
            });
        }
    }

    private Runnable call(CheckDefinition def, PolicyEvent e) {
        String group = def.group();
        String check = def.name();
        if (e instanceof PolicyEvent.Alert a) {
            return () -> actions.alert(new HealthAlert(HealthAlert.Kind.FAILURE, check, group, a.summary(), a.detail(),
                    a.number(), a.at()));
        } else if (e instanceof PolicyEvent.UpAlert u) {
            return () -> actions.alert(new HealthAlert(HealthAlert.Kind.UP, check, group, u.summary(),
                    "down for " + Durations.format(u.downFor()), 0, u.at()));
        } else if (e instanceof PolicyEvent.StartupAlert s) {
            return () -> actions.alert(new HealthAlert(HealthAlert.Kind.STARTUP, check, group,
                    "monitoring started", "", 0, s.at()));
        } else if (e instanceof PolicyEvent.Flapping f) {
            return () -> actions.alert(new HealthAlert(HealthAlert.Kind.FLAPPING, check, group, f.changes()
                    + " state changes within " + Durations.format(f.window()) + ": alerts paused",
                    "", 0, f.at()));
        } else if (e instanceof PolicyEvent.FlappingEnded f) {
            return () -> actions.alert(new HealthAlert(HealthAlert.Kind.FLAPPING_ENDED, check, group,
                    "settled " + (f.up() ? "up" : "down"), "", 0, f.at()));
        } else if (e instanceof PolicyEvent.RestartsExhausted x) {
            return () -> actions.alert(new HealthAlert(HealthAlert.Kind.RESTARTS_EXHAUSTED, check, group,
                    x.restarts() + " restart(s) of " + x.resource() + " did not help", "", 0, x.at()));
        } else if (e instanceof PolicyEvent.RestartResource r) {
            return () -> actions.restartResource(group, r.resource(), check, r.attempt(), r.maxAttempts());
        } else if (e instanceof PolicyEvent.MoveGroup m) {
            String target = m.group() == null ? group : m.group();
            return () -> actions.moveGroup(target, check, m.reason(), m.until());
        } else if (e instanceof PolicyEvent.EligibleAgain g) {
            String target = g.group() == null ? group : g.group();
            return () -> actions.eligibleAgain(target, check, g.byOperator());
        }
        // a new event type in the checks module: say so rather than drop it silently
        return () -> LOG.log(System.Logger.Level.WARNING, "check {0}: unhandled policy event {1}", check, e);
    }
}
