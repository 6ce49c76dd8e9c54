package org.vigil.agent.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the simulated network does wrong. Mutable so a test can cut, partition and heal mid-run;
 * the random draws come from the {@link SimNetwork}'s seeded generator, so a plan plus a seed
 * replays exactly.
 *
 * <ul>
 *   <li>{@code dropRate}: probability each copy is lost;</li>
 *   <li>{@code delay} + uniform {@code [0, jitter)}: one-way latency;</li>
 *   <li>{@code duplicateRate}: probability a second copy is delivered (with its own delay);</li>
 *   <li>{@code reorderRate}/{@code reorderDelay}: probability a copy is held back an extra
 *       uniform {@code [0, reorderDelay)}, overtaking nothing but being overtaken;</li>
 *   <li>cuts: one-way (from, to, link or all links);</li>
 *   <li>partition: groups of nodes; nodes in different groups cannot talk (unlisted nodes talk
 *       to everyone).</li>
 * </ul>
 */
public final class FaultPlan {

    private record Cut(String from, String to, String link) { }

    private double dropRate;
    private Duration delay = Duration.ofMillis(1);
    private Duration jitter = Duration.ZERO;
    private double duplicateRate;
    private double reorderRate;
    private Duration reorderDelay = Duration.ZERO;
    private final Set<Cut> cuts = new HashSet<>();
    private final List<Set<String>> partition = new ArrayList<>();

    public static FaultPlan perfect() {
        return new FaultPlan();
    }

    public FaultPlan dropRate(double p) {
        this.dropRate = probability(p);
        return this;
    }

    public FaultPlan delay(Duration base, Duration jitter) {
        this.delay = base;
        this.jitter = jitter;
        return this;
    }

    public FaultPlan duplicateRate(double p) {
        this.duplicateRate = probability(p);
        return this;
    }

    public FaultPlan reorder(double p, Duration extraDelay) {
        this.reorderRate = probability(p);
        this.reorderDelay = extraDelay;
        return this;
    }

    /** Cuts {@code from -> to} on {@code link} ({@code null}: every link). One-way. */
    public FaultPlan cut(String from, String to, String link) {
        cuts.add(new Cut(from, to, link));
        return this;
    }

    /** Cuts both directions between two nodes on one link ({@code null}: every link). */
    public FaultPlan cutBoth(String a, String b, String link) {
        return cut(a, b, link).cut(b, a, link);
    }

    public FaultPlan restore(String from, String to, String link) {
        cuts.remove(new Cut(from, to, link));
        return this;
    }

    public FaultPlan restoreAllCuts() {
        cuts.clear();
        return this;
    }

    /** Splits the cluster into two groups that cannot reach each other. */
    public FaultPlan partition(Set<String> one, Set<String> other) {
        return partition(List.of(one, other));
    }

    /** Splits the cluster into groups that cannot reach each other. */
    public FaultPlan partition(List<Set<String>> groups) {
        partition.clear();
        partition.addAll(groups);
        return this;
    }

    public FaultPlan heal() {
        partition.clear();
        return this;
    }

    public boolean reachable(String from, String to, String link) {
        if (cuts.contains(new Cut(from, to, link)) || cuts.contains(new Cut(from, to, null))) {
            return false;
        }
        Set<String> gf = groupOf(from);
        Set<String> gt = groupOf(to);
        return gf == null || gt == null || gf == gt;
    }

    private Set<String> groupOf(String node) {
        for (Set<String> g : partition) {
            if (g.contains(node)) {
                return g;
            }
        }
        return null;
    }

    double dropRate() {
        return dropRate;
    }

    Duration delay() {
        return delay;
    }

    Duration jitter() {
        return jitter;
    }

    double duplicateRate() {
        return duplicateRate;
    }

    double reorderRate() {
        return reorderRate;
    }

    Duration reorderDelay() {
        return reorderDelay;
    }

    private static double probability(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("probability out of [0,1]: " + p);
        }
        return p;
    }

    @Override
    public String toString() {
        return "FaultPlan[drop=" + dropRate + ", delay=" + delay + "+" + jitter + ", dup="
                + duplicateRate + ", reorder=" + reorderRate + "/" + reorderDelay + ", cuts="
                + cuts + ", partition=" + partition + "]";
    }
}
