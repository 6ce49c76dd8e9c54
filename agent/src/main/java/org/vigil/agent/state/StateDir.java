package org.vigil.agent.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node's private state directory ({@code --state-dir}, default {@code /var/lib/vigil}): the
 * generation number, the UUID and runtime files. Several nodes on one machine (network namespace
 * tests) each get their own, so they share nothing.
 */
public record StateDir(Path path) {

    public static final Path DEFAULT = Path.of("/var/lib/vigil");

    /** Creates the directory (mode 700 where the file system allows) if it is missing. */
    public static StateDir open(Path path) throws IOException {
        Files.createDirectories(path);
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep what we have
        }
        return new StateDir(path);
    }

    public Path generationFile() {
        return path.resolve("hb_generation");
    }

    public Path uuidFile() {
        return path.resolve("hb_uuid");
    }
}
