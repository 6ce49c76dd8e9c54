package org.vigil.agent.health;

import java.time.Instant;
import java.util.List;

/**
 * The content of the status file ({@code checks.json} in the state directory).
 *
 * @param pid     the agent process that wrote it, so a reader can tell a stale file
 * @param written when it was written
 * @param checks  every check, in the order of the checks file
 */
public record HealthStatus(long pid, Instant written, List<CheckState> checks) {

    public HealthStatus {
        checks = List.copyOf(checks);
    }
}
