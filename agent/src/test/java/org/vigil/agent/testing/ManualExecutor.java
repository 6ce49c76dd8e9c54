package org.vigil.agent.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** An executor that queues tasks and runs them only when the test says so, on the test's thread. */
public final class ManualExecutor extends AbstractExecutorService {

    private final List<Runnable> queue = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /** Runs what is queued now (tasks queued meanwhile wait for the next call). */
    public void runAll() {
        List<Runnable> now = new ArrayList<>(queue);
        queue.clear();
        now.forEach(Runnable::run);
    }

    public int pending() {
        return queue.size();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
