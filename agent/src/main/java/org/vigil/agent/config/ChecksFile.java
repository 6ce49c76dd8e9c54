package org.vigil.agent.config;

import java.util.List;

/** The checks file: health checks tied to resource groups. Empty when there is no file. */
public record ChecksFile(String file, List<CheckDefinition> checks) {

    public ChecksFile {
        checks = List.copyOf(checks);
    }

    public static ChecksFile none(String file) {
        return new ChecksFile(file, List.of());
    }
}
