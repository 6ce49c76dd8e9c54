package org.vigil.checks.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A {@link CheckScheduler} whose time moves only when {@link #advance} is called; checks run on
 * the caller's thread. For tests of anything built on schedules: nothing sleeps.
 */
public final class ManualCheckScheduler implements CheckScheduler {

    private final CheckExecutor executor;
    private final CheckListener listener;
    private final ZoneId zone;
    private final SplittableRandom random;
    private final Map<String, ScheduledCheck> checks = new LinkedHashMap<>();
    private final Map<String, Instant> due = new LinkedHashMap<>();
    private Instant now;

    public ManualCheckScheduler(CheckExecutor executor, CheckListener listener, Instant start, ZoneId zone,
            long seed) {
        this.executor = executor;
        this.listener = listener;
        this.now = start;
        this.zone = zone;
        this.random = new SplittableRandom(seed);
    }

    public Instant now() {
        return now;
    }

    /** @return when the named check is next due, if it is scheduled */
    public Optional<Instant> nextRun(String checkName) {
        return Optional.ofNullable(due.get(checkName));
    }

    @Override
    public void schedule(org.vigil.checks.HealthCheck check, Schedule schedule) {
        if (checks.containsKey(check.name())) {
            throw new IllegalArgumentException("check " + check.name() + " is already scheduled");
        }
        ScheduledCheck sc = new ScheduledCheck(check, schedule, executor, listener);
        checks.put(check.name(), sc);
        due.put(check.name(), now.plus(sc.firstDelay(random)));
    }

    @Override
    public boolean cancel(String checkName) {
        ScheduledCheck sc = checks.remove(checkName);
        due.remove(checkName);
        if (sc != null) {
            sc.cancel();
        }
        return sc != null;
    }

    @Override
    public boolean runNow(String checkName) {
        ScheduledCheck sc = checks.get(checkName);
        if (sc == null) {
            return false;
        }
        due.put(checkName, now.plus(sc.fire(now, zone, true, random)));
        return true;
    }

    /** Moves time forward, running every check that falls due on the way, in time order. */
    public void advance(Duration d) {
        Instant target = now.plus(d);
        while (true) {
            Optional<Map.Entry<String, Instant>> next = due.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(target))
                    .min(Map.Entry.comparingByValue());
            if (next.isEmpty()) {
                break;
            }
            String name = next.get().getKey();
            now = next.get().getValue();
            ScheduledCheck sc = checks.get(name);
            due.put(name, now.plus(sc.fire(now, zone, false, random)));
        }
        now = target;
    }

    @Override
    public Set<String> scheduled() {
        return Set.copyOf(checks.keySet());
    }

    @Override
    public void close() {
        checks.values().forEach(ScheduledCheck::cancel);
        checks.clear();
        due.clear();
    }
}
