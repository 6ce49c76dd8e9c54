package org.vigil.agent.health;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks one at a time, in the order they were queued, on the threads that queue them, with
 * no thread of its own. {@link #enqueue} is cheap and may be called under the caller's lock (that
 * is what fixes the order); {@link #drain} must be called after the caller let go of its locks:
 * whichever thread gets the drain lock runs everything queued, the others return at once.
 *
 * <p>Why not an executor: tests with the manual scheduler then see every action done when
 * {@code advance} returns, and nothing needs shutting down. Why not call under the state lock:
 * an action may call back into the service or wait for another thread that does.
 */
final class SerialDispatcher {

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock draining = new ReentrantLock();

    void enqueue(Runnable task) {
        queue.add(task);
    }

    /**
     * Runs what is queued unless another thread is already doing so. The re-check after unlocking
     * closes the gap where a task is queued just as the draining thread finds the queue empty.
     * A task that calls back into the service drains nested on the same thread; order is kept.
     */
    void drain() {
        while (!queue.isEmpty() && draining.tryLock()) {
            try {
                Runnable task;
                while ((task = queue.poll()) != null) {
                    task.run();
                }
            } finally {
                draining.unlock();
            }
        }
    }
}
