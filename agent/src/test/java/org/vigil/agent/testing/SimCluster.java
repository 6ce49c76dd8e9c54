package org.vigil.agent.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.vigil.agent.membership.MembershipLoop;
import org.vigil.agent.membership.MembershipSettings;
import org.vigil.agent.time.FakeTicker;

/**
 * N simulated agents on one fake clock and one {@link SimNetwork}. Given the same builder
 * settings and seed, a run is exactly reproducible: tick phases, generations and every network
 * fault come from the seed. The clock starts one minute before {@link Long#MAX_VALUE} (the
 * FakeTicker default), so every long simulation also crosses the ticker's wrap-around.
 */
public final class SimCluster {

    private final FakeTicker ticker;
    private final ManualScheduler scheduler;
    private final SimNetwork network;
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();

    private SimCluster(Builder b) {
        this.ticker = new FakeTicker(b.tickerStart);
        this.scheduler = new ManualScheduler(ticker);
        this.network = new SimNetwork(scheduler, b.seed, b.plan);
        Random setup = new Random(~b.seed);
        for (String name : b.names) {
            MembershipSettings s = b.customize.apply(
                    MembershipSettings.withDefaults(name, b.names, b.keepalive, b.deadtime));
            Duration phase = Duration.ofNanos((long) (setup.nextDouble() * MembershipLoop.TICK.toNanos()));
            long generation = 1000 + setup.nextInt(1000);
            nodes.put(name, new SimNode(name, s, b.links, scheduler, network, phase, generation));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public void startAll() {
        nodes.values().forEach(SimNode::start);
    }

    public void runFor(Duration d) {
        scheduler.advance(d);
    }

    public SimNode node(String name) {
        SimNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    public List<SimNode> nodes() {
        return new ArrayList<>(nodes.values());
    }

    public FakeTicker ticker() {
        return ticker;
    }

    public ManualScheduler scheduler() {
        return scheduler;
    }

    public SimNetwork network() {
        return network;
    }

    public FaultPlan plan() {
        return network.plan();
    }

    /** Cluster shape and timing; defaults: two nodes a, b on eth0, keepalive 1 s, deadtime 10 s. */
    public static final class Builder {
        private List<String> names = List.of("a", "b");
        private List<String> links = List.of("eth0");
        private Duration keepalive = Duration.ofSeconds(1);
        private Duration deadtime = Duration.ofSeconds(10);
        private UnaryOperator<MembershipSettings> customize = UnaryOperator.identity();
        private long seed = 1;
        private FaultPlan plan = FaultPlan.perfect();
        private long tickerStart = new FakeTicker().nanoTime();

        public Builder nodes(String... n) {
            this.names = List.of(n);
            return this;
        }

        /** Nodes named n1..nN. */
        public Builder nodeCount(int n) {
            List<String> l = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                l.add("n" + i);
            }
            this.names = List.copyOf(l);
            return this;
        }

        public Builder links(String... l) {
            this.links = List.of(l);
            return this;
        }

        public Builder timing(Duration keepalive, Duration deadtime) {
            this.keepalive = keepalive;
            this.deadtime = deadtime;
            return this;
        }

        public Builder settings(UnaryOperator<MembershipSettings> c) {
            this.customize = c;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder faults(FaultPlan p) {
            this.plan = p;
            return this;
        }

        /** The fake clock's origin (default: one minute before {@link Long#MAX_VALUE}). */
        public Builder tickerStart(long nanos) {
            this.tickerStart = nanos;
            return this;
        }

        public SimCluster build() {
            return new SimCluster(this);
        }
    }
}
