package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions over diagnostics that print every diagnostic when they fail. */
final class DiagnosticAssertions {

    private DiagnosticAssertions() {
    }

    static Diagnostic assertHas(List<Diagnostic> all, Severity severity, int line, String fragment) {
        return all.stream()
                .filter(d -> d.severity() == severity && d.line() == line && d.format().contains(fragment))
                .findFirst()
                .orElseGet(() -> fail("no " + severity.label() + " on line " + line + " containing [" + fragment
                        + "] among:\n" + dump(all)));
    }

    static void assertNone(List<Diagnostic> all, Severity severity) {
        List<Diagnostic> found = all.stream().filter(d -> d.severity() == severity).collect(Collectors.toList());
        assertEquals(List.of(), found, "unexpected " + severity.label() + "s among:\n" + dump(all));
    }

    static void assertNoneContaining(List<Diagnostic> all, String fragment) {
        all.stream().filter(d -> d.format().contains(fragment)).findFirst()
                .ifPresent(d -> fail("unexpected diagnostic containing [" + fragment + "]: " + d.format()));
    }

    static String dump(List<Diagnostic> all) {
        return all.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
