package org.vigil.agent.node;

import java.util.ArrayList;
import java.util.List;

/** The client's answers, parsed from {@link HttpProbe}'s output, and the measures the tests need. */
record ClientLog(List<Answer> answers) {

    /** One request: when it was sent (epoch ms) and who answered ({@code ERR} for none). */
    record Answer(long sentMs, String from) {
        boolean ok() {
            return !from.equals("ERR");
        }
    }

    static ClientLog parse(String output) {
        List<Answer> list = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] w = line.trim().split(" ", 2);
            if (w.length == 2 && w[0].matches("\\d{10,}")) {
                list.add(new Answer(Long.parseLong(w[0]), w[1]));
            }
        }
        list.sort((x, y) -> Long.compare(x.sentMs(), y.sentMs()));
        return new ClientLog(list);
    }

    /** The first request sent after {@code sinceMs} that {@code node} answered, as ms after sinceMs, or -1. */
    long firstFrom(String node, long sinceMs) {
        return answers.stream().filter(a -> a.sentMs() >= sinceMs && a.from().equals(node))
                .mapToLong(a -> a.sentMs() - sinceMs).findFirst().orElse(-1);
    }

    /** The longest time without any successful answer between two instants, in ms. */
    long longestOutage(long fromMs, long toMs) {
        long lastOk = fromMs;
        long longest = 0;
        for (Answer a : answers) {
            if (a.sentMs() < fromMs || a.sentMs() > toMs) {
                continue;
            }
            if (a.ok()) {
                longest = Math.max(longest, a.sentMs() - lastOk);
                lastOk = a.sentMs();
            }
        }
        return Math.max(longest, toMs - lastOk);
    }

    /** Who answered between two instants (distinct, in order of first appearance). */
    List<String> answeredBy(long fromMs, long toMs) {
        return answers.stream().filter(a -> a.sentMs() >= fromMs && a.sentMs() <= toMs && a.ok())
                .map(Answer::from).distinct().toList();
    }
}
