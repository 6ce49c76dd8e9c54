package org.vigil.agent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a resource name comes from: Vigil's built-ins first, then the Heartbeat script
 * directories ({@code /etc/ha.d/resource.d}, {@code /etc/init.d}), then OCF agents. The
 * directories are configurable so that tests and non-root users can point elsewhere.
 */
public final class ResourceCatalog {

    /** Resources Vigil implements itself. */
    public static final List<String> BUILTINS = List.of("IPaddr", "IPaddr2", "IPv6addr", "Filesystem", "drbddisk",
            "MailTo");

    /** The built-ins whose one argument is an address, {@code ADDRESS[/BITS[/IFACE...]]}. */
    public static final List<String> ADDRESS_RESOURCES = List.of("IPaddr", "IPaddr2", "IPv6addr");

    /** How a name resolved. */
    public enum Kind { BUILTIN, SCRIPT, OCF, MISSING }

    /** The outcome of a lookup; {@code path} is empty for built-ins and missing names. */
    public record Resolution(Kind kind, Optional<Path> path) {

        static final Resolution BUILTIN = new Resolution(Kind.BUILTIN, Optional.empty());
        static final Resolution MISSING = new Resolution(Kind.MISSING, Optional.empty());
    }

    private final List<Path> scriptDirs;
    private final List<Path> ocfDirs;
    private final HostEnvironment host;

    public ResourceCatalog(List<Path> scriptDirs, List<Path> ocfDirs, HostEnvironment host) {
        this.scriptDirs = List.copyOf(scriptDirs);
        this.ocfDirs = List.copyOf(ocfDirs);
        this.host = host;
    }

    /** The usual places, with resource.d inside the configuration directory. */
    public static ResourceCatalog standard(Path configDir, HostEnvironment host) {
        return new ResourceCatalog(List.of(configDir.resolve("resource.d"), Path.of("/etc/init.d")),
                List.of(Path.of("/usr/lib/ocf/resource.d/heartbeat")), host);
    }

    public Resolution resolve(String name) {
        if (BUILTINS.contains(name)) {
            return Resolution.BUILTIN;
        }
        if (!isValidName(name)) {
            return Resolution.MISSING;
        }
        for (Path dir : scriptDirs) {
            Path script = dir.resolve(name);
            if (host.exists(script)) {
                return new Resolution(Kind.SCRIPT, Optional.of(script));
            }
        }
        for (Path dir : ocfDirs) {
            Path agent = dir.resolve(name);
            if (host.exists(agent)) {
                return new Resolution(Kind.OCF, Optional.of(agent));
            }
        }
        return Resolution.MISSING;
    }

    /** A name that can be a script file name: no path separators, no control characters. */
    public static boolean isValidName(String name) {
        return name.matches("[A-Za-z0-9_+@%=.,-]+") && !name.equals(".") && !name.equals("..");
    }

    /** The machine the names are resolved on. */
    public HostEnvironment host() {
        return host;
    }

    /** Where we looked, for messages. */
    public String searchPath() {
        StringBuilder out = new StringBuilder();
        for (Path p : scriptDirs) {
            out.append(out.length() == 0 ? "" : ", ").append(p);
        }
        for (Path p : ocfDirs) {
            out.append(", ").append(p);
        }
        return out.toString();
    }
}
