package org.vigil.agent.config;

import java.nio.file.Path;

/** Where the three files are: by default {@code ha.cf}, {@code authkeys} and {@code haresources} in one directory. */
public record ConfigPaths(Path configDir, Path haCf, Path authkeys, Path haresources) {

    public static final Path DEFAULT_DIR = Path.of("/etc/ha.d");

    public static ConfigPaths in(Path dir) {
        return new ConfigPaths(dir, dir.resolve("ha.cf"), dir.resolve("authkeys"), dir.resolve("haresources"));
    }

    public ConfigPaths withHaCf(Path file) {
        return new ConfigPaths(configDir, file, authkeys, haresources);
    }

    public ConfigPaths withAuthkeys(Path file) {
        return new ConfigPaths(configDir, haCf, file, haresources);
    }

    public ConfigPaths withHaresources(Path file) {
        return new ConfigPaths(configDir, haCf, authkeys, file);
    }
}
