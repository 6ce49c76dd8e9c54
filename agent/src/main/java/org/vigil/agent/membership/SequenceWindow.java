package org.vigil.agent.membership;

import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Per-sender sequence and generation tracking [heartbeat.md §3; H3 heartbeat.c
 * {@code should_drop_message}]. Pure: no time, no I/O, so every rule is unit-testable.
 *
 * <ul>
 *   <li>lower generation: replay, dropped;</li>
 *   <li>higher generation: restart, tracking resets to the new seq;</li>
 *   <li>seq = last+1: next; seq = last: duplicate (another link's copy);</li>
 *   <li>seq &gt; last+1: the numbers between are recorded missing; over {@value #MAX_GAP} the
 *       tracking resets instead ("lost a lot of packets!");</li>
 *   <li>an older seq recorded missing is accepted (recovered); other older seqs are stale.</li>
 * </ul>
 */
final class SequenceWindow {

    /** Heartbeat stops tracking individual losses beyond this gap. */
    static final long MAX_GAP = 250;

    /** A sender keeps 500 messages for rexmit; older holes can never be filled, so forget them. */
    static final long HISTORY = 500;

    enum Kind { FIRST, NEXT, GAP, GAP_RESET, DUPLICATE, RECOVERED, STALE, REPLAY, RESTART }

    /** The verdict on one message; for gaps, {@code lastSeq} is the seq seen before it. */
    record Verdict(Kind kind, long lastSeq, long previousGeneration, boolean allRecovered) {

        /** Whether the message carries new information and should be processed. */
        boolean accepted() {
            return kind != Kind.DUPLICATE && kind != Kind.STALE && kind != Kind.REPLAY;
        }

        /** Whether the message proves the sender alive on its link (duplicates do). */
        boolean refreshesLiveness() {
            return kind != Kind.STALE && kind != Kind.REPLAY;
        }
    }

    private boolean known;
    private long generation;
    private long lastSeq;
    private final NavigableSet<Long> missing = new TreeSet<>();

    Verdict classify(long gen, long seq) {
        if (!known) {
            reset(gen, seq);
            return verdict(Kind.FIRST, 0, 0);
        }
        if (gen < generation) {
            return verdict(Kind.REPLAY, lastSeq, generation);
        }
        if (gen > generation) {
            long old = generation;
            reset(gen, seq);
            return verdict(Kind.RESTART, 0, old);
        }
        return sameGeneration(seq);
    }

    private Verdict sameGeneration(long seq) {
        long last = lastSeq;
        if (seq == last) {
            return verdict(Kind.DUPLICATE, last, generation);
        }
        if (seq == last + 1) {
            lastSeq = seq;
            return verdict(Kind.NEXT, last, generation);
        }
        if (seq > last) {
            return gap(last, seq);
        }
        if (missing.remove(seq)) {
            return new Verdict(Kind.RECOVERED, last, generation, missing.isEmpty());
        }
        return verdict(Kind.STALE, last, generation);
    }

    private Verdict gap(long last, long seq) {
        if (seq - last - 1 > MAX_GAP) {
            reset(generation, seq);
            return verdict(Kind.GAP_RESET, last, generation);
        }
        for (long s = last + 1; s < seq; s++) {
            missing.add(s);
        }
        lastSeq = seq;
        missing.headSet(seq - HISTORY).clear();
        return verdict(Kind.GAP, last, generation);
    }

    private void reset(long gen, long seq) {
        known = true;
        generation = gen;
        lastSeq = seq;
        missing.clear();
    }

    private static Verdict verdict(Kind kind, long last, long gen) {
        return new Verdict(kind, last, gen, false);
    }

    long generation() {
        return generation;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** Sequence numbers recorded missing, oldest first (a copy). */
    NavigableSet<Long> missing() {
        return new TreeSet<>(missing);
    }
}
