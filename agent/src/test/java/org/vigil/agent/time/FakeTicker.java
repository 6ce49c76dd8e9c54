package org.vigil.agent.time;

import java.time.Duration;

/**
 * A ticker that moves only when a test moves it. It starts near {@link Long#MAX_VALUE} by default
 * so that code comparing readings without overflow care fails in tests, not in production.
 */
public final class FakeTicker implements Ticker {

    private long now;

    public FakeTicker() {
        this(Long.MAX_VALUE - Duration.ofMinutes(1).toNanos());
    }

    public FakeTicker(long start) {
        this.now = start;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    public FakeTicker advance(Duration by) {
        now += by.toNanos();
        return this;
    }

    public FakeTicker advanceMillis(long millis) {
        now += millis * 1_000_000L;
        return this;
    }
}
