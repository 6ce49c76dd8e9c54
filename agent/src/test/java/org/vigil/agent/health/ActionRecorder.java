package org.vigil.agent.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Records every action as one line of text; fails the test if an action comes under the service's lock. */
final class ActionRecorder implements HealthActions {

    private final List<String> calls = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    HealthService service;
    /** Run inside moveGroup, to prove what an action may do (call back, wait for other threads). */
    Consumer<String> onMove = check -> { };

    private synchronized void record(String line) {
        if (service != null && service.holdsLock()) {
            problems.add("called under the state lock: " + line);
        }
        calls.add(line);
    }

    @Override
    public void alert(HealthAlert a) {
        record("alert " + a.kind() + " " + a.check() + " " + a.group() + (a.number() > 0 ? " #" + a.number() : "")
                + ": " + a.summary());
    }

    @Override
    public void restartResource(String group, String resource, String check, int attempt, int maxAttempts) {
        record("restart " + group + " " + resource + " " + check + " " + attempt + "/" + maxAttempts);
    }

    @Override
    public void moveGroup(String group, String check, String reason, Instant until) {
        record("move " + group + " " + check + " until " + (until == null ? "cleared" : until.toString()));
        onMove.accept(check);
    }

    @Override
    public void eligibleAgain(String group, String check, boolean byOperator) {
        record("eligible " + group + " " + check + (byOperator ? " by operator" : " aged out"));
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls other than alerts of kind FAILURE (the repair decisions). */
    synchronized List<String> repairs() {
        return calls.stream().filter(c -> !c.startsWith("alert FAILURE")).toList();
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized void reset() {
        calls.clear();
    }
}
