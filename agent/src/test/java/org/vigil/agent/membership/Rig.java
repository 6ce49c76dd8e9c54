package org.vigil.agent.membership;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.vigil.agent.testing.RecordingSender;
import org.vigil.agent.time.FakeTicker;

/**
 * One {@link Membership} under a fake clock with explicit ticks and hand-made messages. Times are
 * milliseconds since start; the ticker starts one minute before {@link Long#MAX_VALUE}, so these
 * tests also cross the wrap-around.
 */
final class Rig {

    final FakeTicker ticker = new FakeTicker();
    final long t0 = ticker.nanoTime();
    final RecordingSender sender = new RecordingSender();
    final List<MembershipEvent> events = new ArrayList<>();
    final List<LogLine> log = new ArrayList<>();
    final Membership m;
    private long generation = 100;
    private long seq;

    Rig(MembershipSettings settings) {
        this(settings, NodeListExchange.none());
    }

    Rig(MembershipSettings settings, NodeListExchange exchange) {
        m = new Membership(settings, sender, exchange);
        m.addListener(events::add);
        m.addListener(new MembershipLog(log::add));
        m.start(t0);
    }

    /** a (local) and b, keepalive 1 s, deadtime 10 s, warntime 5 s, initdead 20 s. */
    static Rig twoNodes() {
        return new Rig(settings("a", "b"));
    }

    static MembershipSettings settings(String local, String... others) {
        List<String> all = new ArrayList<>(List.of(local));
        all.addAll(List.of(others));
        return MembershipSettings.withDefaults(local, all, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    long now() {
        return ticker.nanoTime();
    }

    void moveTo(long ms) {
        long target = t0 + ms * 1_000_000L;
        long d = target - ticker.nanoTime();
        if (d < 0) {
            throw new IllegalArgumentException("time goes forward only");
        }
        ticker.advance(Duration.ofNanos(d));
    }

    Rig tickAt(long ms) {
        moveTo(ms);
        m.onTick(now());
        return this;
    }

    /** Ticks every 250 ms from the next grid point up to and including {@code ms}. */
    Rig ticksUntil(long ms) {
        long cur = (now() - t0) / 1_000_000L;
        for (long t = (cur / 250 + 1) * 250; t <= ms; t += 250) {
            tickAt(t);
        }
        return this;
    }

    /** b's next status (seq+1, current generation, dt 10 s) on eth0 at {@code ms}. */
    Rig status(long ms, String st) {
        return deliver(ms, Heartbeat.status("b", "eth0", ++seq, generation, 10_000, st));
    }

    Rig deliver(long ms, Heartbeat hb) {
        moveTo(ms);
        m.onMessage(hb, now());
        return this;
    }

    long seq() {
        return seq;
    }

    Rig seq(long s) {
        seq = s;
        return this;
    }

    long generation() {
        return generation;
    }

    Rig generation(long g) {
        generation = g;
        return this;
    }

    List<String> lines() {
        return log.stream().map(LogLine::toString).toList();
    }

    <E extends MembershipEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void clear() {
        events.clear();
        log.clear();
    }
}
