package org.vigil.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the checker asks of the machine it runs on: its node name, its interfaces, whether a file
 * exists. Tests substitute their own; a missing interface or device is only a warning, since the
 * configuration may be checked on another machine than the cluster node.
 */
public interface HostEnvironment {

    /** {@code uname -n}, lower-cased as Heartbeat does. */
    String nodeName();

    boolean hasInterface(String name);

    boolean exists(Path path);

    /** The running Linux system. */
    static HostEnvironment system() {
        return new HostEnvironment() {
            @Override
            public String nodeName() {
                try {
                    return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim().toLowerCase(Locale.ROOT);
                } catch (IOException | RuntimeException e) {
                    String env = System.getenv("HOSTNAME");
                    return env == null ? "localhost" : env.toLowerCase(Locale.ROOT);
                }
            }

            @Override
            public boolean hasInterface(String name) {
                String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
                return !base.isEmpty() && !base.contains("/") && Files.exists(Path.of("/sys/class/net", base));
            }

            @Override
            public boolean exists(Path path) {
                return Files.exists(path);
            }
        };
    }
}
