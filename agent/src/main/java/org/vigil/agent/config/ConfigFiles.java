package org.vigil.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/** Reads configuration files for the loader, turning every I/O problem into a diagnostic. */
final class ConfigFiles {

    /** Far above any real configuration; protects against pointing the checker at a disk image. */
    static final long MAX_BYTES = 1 << 20;

    private ConfigFiles() {
    }

    /** The file's text, or empty after reporting why it could not be read. */
    static Optional<String> read(Path path, Diagnostics diagnostics, boolean required) {
        String file = path.toString();
        try {
            if (Files.isDirectory(path)) {
                diagnostics.error(file, 0, "is a directory, not a file");
                return Optional.empty();
            }
            if (Files.size(path) > MAX_BYTES) {
                diagnostics.error(file, 0, "is larger than " + MAX_BYTES + " bytes: not a configuration file?");
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            if (required) {
                diagnostics.error(file, 0, "cannot read: no such file", "create it, or use --config-dir DIR");
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            diagnostics.error(file, 0, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "check the file's permissions (run as root?)");
            return Optional.empty();
        }
    }

    /**
     * Heartbeat refuses a group- or other-readable authkeys; Vigil also refuses write bits. For a
     * checks file holding passwords the same finding is a warning ({@code fatal} false).
     */
    static void checkPrivate(Path path, Diagnostics diagnostics, boolean fatal) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(path);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return;
        }
        boolean open = perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
        if (open && fatal) {
            diagnostics.error(path.toString(), 0, "bad permissions [" + octal(perms)
                    + "]: group or others can read or write the keys (Heartbeat: Bad permissions on keyfile)",
                    "run: chmod 600 " + path);
        } else if (open) {
            diagnostics.warning(path.toString(), 0, "bad permissions [" + octal(perms)
                    + "]: the file holds passwords that group or others can read", "run: chmod 600 " + path);
        }
    }

    private static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}
