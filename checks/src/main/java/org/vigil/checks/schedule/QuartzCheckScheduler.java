package org.vigil.checks.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.checks.HealthCheck;

/**
 * The production {@link CheckScheduler} on Quartz, in memory only (RAMJobStore: no database, no
 * connection pool, so no c3p0 or HikariCP). Each check is one durable job fired by one-shot
 * triggers: after each run the job plans its own next trigger, since the delay depends on the
 * result ({@code failure_interval}) and on a fresh random skew, which a fixed Quartz repeat
 * interval cannot express. {@link DisallowConcurrentExecution} keeps a check from overlapping
 * itself even when {@link #runNow} coincides with a due run.
 */
public final class QuartzCheckScheduler implements CheckScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzCheckScheduler.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String GROUP = "vigil-checks";
    /** How early a trigger may fire so that due triggers are handed out in batches. */
    static final long BATCH_WINDOW_MS = 20;

    private final Scheduler quartz;
    private final CheckExecutor executor;
    private final CheckListener listener;
    private final Clock clock;
    private final SplittableRandom random;
    private final Map<String, ScheduledCheck> checks = new ConcurrentHashMap<>();
    private final AtomicLong triggerIds = new AtomicLong();

    /**
     * @param threads how many checks may run at the same time (each waits for its check's deadline)
     * @param seed    seeds the randskew jitter
     * @throws IllegalStateException if Quartz cannot start
     */
    public QuartzCheckScheduler(CheckExecutor executor, CheckListener listener, int threads, long seed) {
        this.executor = executor;
        this.listener = listener;
        this.clock = Clock.systemDefaultZone();
        this.random = new SplittableRandom(seed);
        try {
            // a unique name: Quartz keeps schedulers in a JVM-wide repository by name
            StdSchedulerFactory f = new StdSchedulerFactory(properties(threads));
            quartz = f.getScheduler();
            quartz.setJobFactory((bundle, s) -> new CheckJob(bundle.getJobDetail().getKey().getName()));
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    static Properties properties(int threads) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "vigil-checks-" + INSTANCES.incrementAndGet());
        // no phoning home: Quartz 2.5.0 has no update checker left (older ones needed
        // skipUpdateCheck), and JMX and RMI export stay off
        p.setProperty("org.quartz.scheduler.jmx.export", "false");
        p.setProperty("org.quartz.scheduler.rmi.export", "false");
        p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INTERRUPT_JOBS_ON_SHUTDOWN, "true");
        p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(1, threads)));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "vigil-sched");
        // Quartz's scheduler thread hands out one trigger per loop by default, which tops out
        // far below 1,000 checks a second (bin/bench-checks: a third of the runs, seconds
        // late). Let it take up to a pool's worth of triggers due within 20 ms at once; firing a
        // health check up to 20 ms early is harmless.
        p.setProperty(StdSchedulerFactory.PROP_SCHED_MAX_BATCH_SIZE, Integer.toString(Math.max(1, threads)));
        p.setProperty(StdSchedulerFactory.PROP_SCHED_BATCH_TIME_WINDOW, Long.toString(BATCH_WINDOW_MS));
        return p;
    }

    @Override
    public void schedule(HealthCheck check, Schedule schedule) {
        ScheduledCheck sc = new ScheduledCheck(check, schedule, executor, listener);
        if (checks.putIfAbsent(check.name(), sc) != null) {
            throw new IllegalArgumentException("check " + check.name() + " is already scheduled");
        }
        try {
            quartz.addJob(JobBuilder.newJob(CheckJob.class).withIdentity(key(check.name()))
                    .storeDurably().build(), false);
            plan(check.name(), sc.firstDelay(random));
        } catch (SchedulerException e) {
            checks.remove(check.name());
            throw new IllegalStateException("cannot schedule " + check.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean cancel(String checkName) {
        ScheduledCheck sc = checks.remove(checkName);
        if (sc == null) {
            return false;
        }
        sc.cancel();
        try {
            quartz.deleteJob(key(checkName));
        } catch (SchedulerException e) {
            LOG.warn("cancelling check {}: {}", checkName, e.getMessage());
        }
        return true;
    }

    @Override
    public boolean runNow(String checkName) {
        ScheduledCheck sc = checks.get(checkName);
        if (sc == null) {
            return false;
        }
        try {
            quartz.triggerJob(key(checkName), new org.quartz.JobDataMap(Map.of("forced", Boolean.TRUE)));
            return true;
        } catch (SchedulerException e) {
            LOG.warn("run now of check {}: {}", checkName, e.getMessage());
            return false;
        }
    }

    @Override
    public Set<String> scheduled() {
        return Set.copyOf(checks.keySet());
    }

    @Override
    public void close() {
        checks.values().forEach(ScheduledCheck::cancel);
        checks.clear();
        try {
            quartz.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("stopping Quartz: {}", e.getMessage());
        }
    }

    private static JobKey key(String checkName) {
        return JobKey.jobKey(checkName, GROUP);
    }

    /** Replaces whatever triggers the job has by one that fires after {@code delay}. */
    private void plan(String checkName, Duration delay) throws SchedulerException {
        JobKey key = key(checkName);
        for (Trigger t : quartz.getTriggersOfJob(key)) {
            quartz.unscheduleJob(t.getKey());
        }
        Trigger next = TriggerBuilder.newTrigger()
                .withIdentity(checkName + "#" + triggerIds.incrementAndGet(), GROUP)
                .forJob(key)
                .startAt(Date.from(clock.instant().plus(delay)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        quartz.scheduleJob(next);
    }

    /** One firing of one check. */
    @DisallowConcurrentExecution
    final class CheckJob implements Job {
        private final String checkName;

        CheckJob(String checkName) {
            this.checkName = checkName;
        }

        @Override
        public void execute(JobExecutionContext context) {
            ScheduledCheck sc = checks.get(checkName);
            if (sc == null || sc.cancelled()) {
                return;
            }
            boolean forced = context.getMergedJobDataMap().containsKey("forced");
            Instant now = clock.instant();
            // only the draw from the shared random source is serialised, never the run itself:
            // holding the lock across fire() let one check run at a time in the whole scheduler
            SplittableRandom own;
            synchronized (random) {
                own = random.split();
            }
            Duration delay = sc.fire(now, clock.getZone(), forced, own);
            if (sc.cancelled()) {
                return;
            }
            try {
                plan(checkName, delay);
            } catch (SchedulerException e) {
                LOG.error("check {} could not be re-planned and will not run again: {}", checkName, e.getMessage());
            }
        }
    }
}
