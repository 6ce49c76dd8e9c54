package org.vigil.agent.node;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;
import org.vigil.agent.membership.LogLine;
import org.vigil.agent.membership.MembershipLog;

/**
 * Carries out the {@link StopFailurePolicy} when a group could not be stopped. The resource
 * manager has already made sure the group counts as held here and is never offered to a peer;
 * this decides whether the machine reboots (Heartbeat's {@code Resource STOP failure. Reboot
 * required!}) or holds until an operator acts.
 */
final class StopFailureEscalation {

    private static final String LOGGER = "org.vigil.agent.failover";
    private static final Duration REBOOT_TIMEOUT = Duration.ofSeconds(60);

    private final StopFailurePolicy policy;
    private final CommandRunner runner;
    private final Executor rebootThread;
    private final AtomicBoolean rebooting = new AtomicBoolean();

    /** @param rebootThread runs the reboot command off the event loop: it may block, the heartbeat must not */
    StopFailureEscalation(StopFailurePolicy policy, CommandRunner runner, Executor rebootThread) {
        this.policy = policy;
        this.runner = runner;
        this.rebootThread = rebootThread;
    }

    void escalate(String group) {
        if (policy.action() == StopFailurePolicy.Action.HOLD) {
            crit("Resource STOP failure in group " + group + ": it may still run here; it will not be started elsewhere"
                    + " while this node lives. Stop it by hand; this node does not reboot (--on-stop-failure hold).");
            return;
        }
        crit("Resource STOP failure in group " + group + ". Reboot required!");
        if (!rebooting.compareAndSet(false, true)) {
            return; // one reboot for any number of failed groups
        }
        crit("Rebooting this node (" + String.join(" ", policy.rebootCommand()) + "): the other nodes take " + group
                + " over when they see this node dead.");
        rebootThread.execute(this::reboot);
    }

    private void reboot() {
        CommandResult r = runner.run(policy.rebootCommand(), Map.of(), REBOOT_TIMEOUT);
        if (!r.succeeded()) {
            crit("Reboot failed (" + r.describe() + " " + r.stderr().strip() + "): still holding what did not stop;"
                    + " an operator must stop it or reboot this node.");
        }
    }

    private static void crit(String message) {
        MembershipLog.log(LOGGER, new LogLine(LogLine.Severity.CRIT, message));
    }
}
