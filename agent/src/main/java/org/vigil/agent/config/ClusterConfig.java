package org.vigil.agent.config;

import java.nio.file.Path;

/**
 * The whole configuration of one node: ha.cf, authkeys, haresources, the checks file and which
 * node we are.
 * Immutable; built once by {@link ConfigLoader}, with every problem reported as diagnostics.
 */
public record ClusterConfig(Path configDir, HaCf haCf, AuthKeys authKeys, HaResources haResources, ChecksFile checks,
        String localNode) {
}
