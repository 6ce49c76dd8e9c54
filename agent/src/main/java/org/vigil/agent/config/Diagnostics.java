package org.vigil.agent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one configuration load, in the order they were found. */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();

    public void error(String file, int line, String message, String suggestion) {
        all.add(new Diagnostic(file, line, Severity.ERROR, message, suggestion));
    }

    public void error(String file, int line, String message) {
        error(file, line, message, null);
    }

    public void warning(String file, int line, String message, String suggestion) {
        all.add(new Diagnostic(file, line, Severity.WARNING, message, suggestion));
    }

    public void warning(String file, int line, String message) {
        warning(file, line, message, null);
    }

    public void note(String file, int line, String message, String suggestion) {
        all.add(new Diagnostic(file, line, Severity.NOTE, message, suggestion));
    }

    public void note(String file, int line, String message) {
        note(file, line, message, null);
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    public long count(Severity severity) {
        return all.stream().filter(d -> d.severity() == severity).count();
    }

    /** Sorted by file, then line, keeping the order found for equal positions. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line));
        return List.copyOf(copy);
    }
}
