package org.vigil.agent.config;

import java.util.List;

/** A configuration as far as it could be understood, and everything wrong with it. */
public record LoadedConfig(ClusterConfig config, List<Diagnostic> diagnostics) {

    public LoadedConfig {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
