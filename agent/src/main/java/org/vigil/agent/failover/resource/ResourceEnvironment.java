package org.vigil.agent.failover.resource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.vigil.agent.exec.CommandRunner;

/**
 * What resource agents need from the node: how to run programs and with what deadline, where the
 * ARP bursts run, the state directory, the node name, and the system programs they call.
 */
public record ResourceEnvironment(CommandRunner runner, Duration timeout, ScheduledExecutorService announcer,
        Path stateDir, String nodeName, String sendmail, String drbdadm, Optional<Path> sendUa) {
}
