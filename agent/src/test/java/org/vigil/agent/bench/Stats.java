package org.vigil.agent.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** min / median / p90 / max of a sample, in ms (nearest-rank percentiles: no interpolation). */
record Stats(long min, long median, long p90, long max, int n) {

    static Stats of(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return new Stats(s.get(0), rank(s, 50), rank(s, 90), s.get(s.size() - 1), s.size());
    }

    private static long rank(List<Long> sorted, int pct) {
        int i = (int) Math.ceil(pct / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    @Override
    public String toString() {
        return min + " / " + median + " / " + p90 + " / " + max;
    }
}
