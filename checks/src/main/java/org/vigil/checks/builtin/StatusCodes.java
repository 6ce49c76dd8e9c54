package org.vigil.checks.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list of HTTP status codes and inclusive ranges, e.g. {@code 200-299,301,302}. */
final class StatusCodes {

    private final List<int[]> ranges;
    private final String text;

    private StatusCodes(List<int[]> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    static Optional<StatusCodes> parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ends = part.split("-", -1);
            if (ends.length > 2) {
                return Optional.empty();
            }
            try {
                int lo = Integer.parseInt(ends[0]);
                int hi = ends.length == 2 ? Integer.parseInt(ends[1]) : lo;
                if (lo < 100 || hi > 599 || lo > hi) {
                    return Optional.empty();
                }
                ranges.add(new int[] {lo, hi});
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return ranges.isEmpty() ? Optional.empty() : Optional.of(new StatusCodes(ranges, text.strip()));
    }

    boolean matches(int code) {
        for (int[] r : ranges) {
            if (code >= r[0] && code <= r[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
