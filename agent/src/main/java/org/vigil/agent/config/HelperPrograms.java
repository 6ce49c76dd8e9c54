package org.vigil.agent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** System programs the built-in resources call that are not on the PATH. */
public final class HelperPrograms {

    /**
     * resource-agents' {@code send_ua}, which sends unsolicited neighbour advertisements (Java
     * cannot open a raw ICMPv6 socket): Debian 12 installs it in /usr/libexec/heartbeat, older
     * packages and other distributions in /usr/lib/heartbeat or /usr/lib64/heartbeat.
     */
    public static final List<Path> SEND_UA = List.of(Path.of("/usr/libexec/heartbeat/send_ua"),
            Path.of("/usr/lib/heartbeat/send_ua"), Path.of("/usr/lib64/heartbeat/send_ua"));

    private HelperPrograms() {
    }

    public static Optional<Path> sendUa(HostEnvironment host) {
        return SEND_UA.stream().filter(host::exists).findFirst();
    }
}
