package org.vigil.agent.node;

import java.util.List;
import java.util.Objects;

/**
 * What this node does when a resource will not stop even after Heartbeat's 10 attempts and its
 * status still says running: the group may run here, so it must never be started elsewhere while
 * this node lives.
 *
 * <ul>
 *   <li>{@link Action#REBOOT} (Heartbeat's behaviour, {@code vigil run}'s default): run the
 *       reboot command ({@code reboot -nf}); the peers see this node die and take the group
 *       over after deadtime. The service comes back without an operator.</li>
 *   <li>{@link Action#HOLD}: keep the group (it counts as held, the peers never take it) and
 *       log CRIT until an operator stops it by hand; no reboot, but the service may stay down.</li>
 * </ul>
 *
 * @param rebootCommand the command and its arguments ({@code --reboot-command})
 */
public record StopFailurePolicy(Action action, List<String> rebootCommand) {

    /** The escalation chosen with {@code --on-stop-failure}. */
    public enum Action { REBOOT, HOLD }

    /** Heartbeat's ResourceManager: {@code reboot -nf} (no sync: a hung disk must not stop it). */
    public static final List<String> HEARTBEAT_REBOOT = List.of("reboot", "-nf");

    /** Never reboots: for the demo and in-process use. */
    public static final StopFailurePolicy HOLD = new StopFailurePolicy(Action.HOLD, HEARTBEAT_REBOOT);

    public StopFailurePolicy {
        Objects.requireNonNull(action, "action");
        rebootCommand = List.copyOf(rebootCommand);
        if (action == Action.REBOOT && rebootCommand.isEmpty()) {
            throw new IllegalArgumentException("an empty reboot command");
        }
    }
}
