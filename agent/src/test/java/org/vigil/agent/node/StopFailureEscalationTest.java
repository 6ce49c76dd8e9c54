package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;
import org.vigil.agent.testing.ManualExecutor;

class StopFailureEscalationTest {

    private final List<List<String>> ran = new ArrayList<>();
    private int exitCode;
    private final CommandRunner runner = (command, env, timeout) -> {
        ran.add(command);
        return new CommandResult(command, exitCode, "", "", false, null, Duration.ZERO);
    };
    private final ManualExecutor rebootThread = new ManualExecutor();

    @Test
    void reboot_runsTheRebootCommandOffTheLoop_once() {
        var escalation = new StopFailureEscalation(new StopFailurePolicy(StopFailurePolicy.Action.REBOOT,
                List.of("reboot", "-nf")), runner, rebootThread);
        escalation.escalate("10.0.0.1");
        assertEquals(List.of(), ran, "not on the caller's (loop) thread");
        escalation.escalate("10.0.0.2");
        rebootThread.runAll();
        assertEquals(List.of(List.of("reboot", "-nf")), ran, "one reboot for two failed groups");
    }

    @Test
    void hold_neverRunsAnything() {
        var escalation = new StopFailureEscalation(StopFailurePolicy.HOLD, runner, rebootThread);
        escalation.escalate("10.0.0.1");
        rebootThread.runAll();
        assertEquals(List.of(), ran);
    }

    @Test
    void aFailedRebootIsRunOnceAndNotRetried() {
        exitCode = 1;
        var escalation = new StopFailureEscalation(new StopFailurePolicy(StopFailurePolicy.Action.REBOOT,
                List.of("/sbin/reboot", "-f")), runner, rebootThread);
        escalation.escalate("web");
        rebootThread.runAll();
        escalation.escalate("web");
        rebootThread.runAll();
        assertEquals(1, ran.size(), "the node holds after a failed reboot; it does not loop on reboot");
    }

    @Test
    void rebootNeedsACommand() {
        assertThrows(IllegalArgumentException.class,
                () -> new StopFailurePolicy(StopFailurePolicy.Action.REBOOT, List.of()));
    }
}
