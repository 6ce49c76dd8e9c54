package org.vigil.agent.config;

import java.nio.file.Path;

/**
 * Where the files are: by default {@code ha.cf}, {@code authkeys}, {@code haresources} and the
 * optional {@code checks} in one directory.
 */
public record ConfigPaths(Path configDir, Path haCf, Path authkeys, Path haresources, Path checks) {

    public static final Path DEFAULT_DIR = Path.of("/etc/ha.d");

    public static ConfigPaths in(Path dir) {
        return new ConfigPaths(dir, dir.resolve("ha.cf"), dir.resolve("authkeys"), dir.resolve("haresources"),
                dir.resolve("checks"));
    }

    public ConfigPaths withHaCf(Path file) {
        return new ConfigPaths(configDir, file, authkeys, haresources, checks);
    }

    public ConfigPaths withAuthkeys(Path file) {
        return new ConfigPaths(configDir, haCf, file, haresources, checks);
    }

    public ConfigPaths withChecks(Path file) {
        return new ConfigPaths(configDir, haCf, authkeys, haresources, file);
    }

    public ConfigPaths withHaresources(Path file) {
        return new ConfigPaths(configDir, haCf, authkeys, file, checks);
    }
}
