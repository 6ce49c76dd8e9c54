package org.vigil.agent.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.vigil.agent.health.CheckState;

/** The table of {@code vigil checks}: one line per check, then a line per ineligible group. */
final class ChecksTable {

    private static final int SUMMARY_WIDTH = 48;
    private static final String[] HEADER = {"NAME", "GROUP", "TYPE", "STATUS", "LAST RESULT", "LAST CHANGE", "FAILURES"};

    private ChecksTable() {
    }

    static String render(List<CheckState> checks) {
        if (checks.isEmpty()) {
            return "No checks are configured.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        List<String> notes = new ArrayList<>();
        for (CheckState c : checks) {
            rows.add(new String[] {c.name(), c.group(), c.type(), status(c), shorten(c.summary()), time(c.lastChange()),
                Integer.toString(c.failCount())});
            if (c.ineligible()) {
                notes.add("This node is ineligible for group " + c.group() + " because of check " + c.name() + ", "
                        + (c.ineligibleUntil() == null ? "until an operator clears it"
                                : "until " + time(c.ineligibleUntil()) + " if the check stops failing") + ".");
            }
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (String n : notes) {
            out.append(n).append('\n');
        }
        return out.toString();
    }

    /** The result's status, and the policy's view when it says more (down, flapping, not yet run). */
    private static String status(CheckState c) {
        String s = c.status();
        if ("DOWN".equals(c.state()) || "FLAPPING".equals(c.state())) {
            s += ", " + c.state().toLowerCase(java.util.Locale.ROOT);
        }
        return c.ineligible() ? s + ", ineligible" : s;
    }

    private static String shorten(String summary) {
        String s = summary.isEmpty() ? "-" : summary;
        return s.length() <= SUMMARY_WIDTH ? s : s.substring(0, SUMMARY_WIDTH - 3) + "...";
    }

    static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
