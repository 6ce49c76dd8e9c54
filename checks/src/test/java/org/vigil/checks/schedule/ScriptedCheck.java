package org.vigil.checks.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckResult;
import org.vigil.checks.HealthCheck;

/** A check that returns a scripted sequence of results, then repeats the last one. */
final class ScriptedCheck implements HealthCheck {

    private final String name;
    private final Deque<CheckResult> results = new ArrayDeque<>();
    private CheckResult last = CheckResult.ok("ok");
    final AtomicInteger runs = new AtomicInteger();

    ScriptedCheck(String name, CheckResult... script) {
        this.name = name;
        for (CheckResult r : script) {
            results.add(r);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "scripted";
    }

    @Override
    public synchronized CheckResult run(CheckContext context) {
        runs.incrementAndGet();
        if (!results.isEmpty()) {
            last = results.poll();
        }
        return last;
    }
}
