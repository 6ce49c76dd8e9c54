package org.vigil.agent.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.vigil.agent.membership.Heartbeat;

/**
 * An in-JVM broadcast network on the fake clock. Every node attached to a link receives every
 * message sent on that link by another node (like {@code bcast}), subject to the
 * {@link FaultPlan}. Deliveries are tasks on the shared {@link ManualScheduler}; all randomness
 * comes from one seeded {@link Random} drawn in a fixed order, so a seed replays exactly.
 */
public final class SimNetwork {

    /** One copy handed to a receiver, reported to observers just before delivery. */
    public record Delivery(long at, String from, String to, String link, Heartbeat message) { }

    private final ManualScheduler scheduler;
    private final Random random;
    private final FaultPlan plan;
    // link -> (node -> receiver), insertion-ordered for determinism
    private final Map<String, Map<String, Consumer<Heartbeat>>> links = new LinkedHashMap<>();
    private final List<Consumer<Delivery>> observers = new ArrayList<>();
    private long sent;
    private long dropped;
    private long delivered;
    private long duplicated;

    public SimNetwork(ManualScheduler scheduler, long seed, FaultPlan plan) {
        this.scheduler = scheduler;
        this.random = new Random(seed);
        this.plan = plan;
    }

    public FaultPlan plan() {
        return plan;
    }

    public void attach(String node, String link, Consumer<Heartbeat> receiver) {
        links.computeIfAbsent(link, l -> new LinkedHashMap<>()).put(node, receiver);
    }

    /** Unplugs {@code node} from every link: it neither sends nor receives. */
    public void detach(String node) {
        links.values().forEach(m -> m.remove(node));
    }

    public void addObserver(Consumer<Delivery> observer) {
        observers.add(observer);
    }

    /** Sends {@code msg} from {@code from} to every other node on {@code link}. */
    public void send(String from, String link, Heartbeat msg) {
        Map<String, Consumer<Heartbeat>> receivers = links.get(link);
        if (receivers == null || !receivers.containsKey(from)) {
            return; // not plugged in: the write fails silently, as an unplugged cable would
        }
        for (String to : new ArrayList<>(receivers.keySet())) {
            if (!to.equals(from)) {
                sent++;
                transmit(from, to, link, msg);
            }
        }
    }

    private void transmit(String from, String to, String link, Heartbeat msg) {
        // Draw every random number whatever the outcome, so changing one fault rate does not
        // shift the random stream of unrelated deliveries.
        boolean drop = random.nextDouble() < plan.dropRate();
        boolean dup = random.nextDouble() < plan.duplicateRate();
        long first = latency();
        long second = latency();
        if (!plan.reachable(from, to, link) || drop) {
            dropped++;
            return;
        }
        schedule(from, to, link, msg, first);
        if (dup) {
            duplicated++;
            schedule(from, to, link, msg, second);
        }
    }

    private long latency() {
        long nanos = plan.delay().toNanos() + fraction(plan.jitter());
        boolean held = random.nextDouble() < plan.reorderRate();
        long extra = fraction(plan.reorderDelay());
        return held ? nanos + extra : nanos;
    }

    private long fraction(Duration d) {
        double r = random.nextDouble();
        return (long) (r * d.toNanos());
    }

    private void schedule(String from, String to, String link, Heartbeat msg, long delayNanos) {
        scheduler.schedule(() -> deliver(from, to, link, msg), Duration.ofNanos(delayNanos));
    }

    private void deliver(String from, String to, String link, Heartbeat msg) {
        Map<String, Consumer<Heartbeat>> receivers = links.get(link);
        Consumer<Heartbeat> receiver = receivers == null ? null : receivers.get(to);
        if (receiver == null) {
            return; // unplugged while in flight
        }
        delivered++;
        Delivery d = new Delivery(scheduler.ticker().nanoTime(), from, to, link, msg);
        observers.forEach(o -> o.accept(d));
        receiver.accept(msg);
    }

    public long sent() {
        return sent;
    }

    public long dropped() {
        return dropped;
    }

    public long delivered() {
        return delivered;
    }

    public long duplicated() {
        return duplicated;
    }
}
