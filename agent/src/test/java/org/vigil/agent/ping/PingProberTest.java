package org.vigil.agent.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.PingNode;
import org.vigil.agent.testing.ManualExecutor;

class PingProberTest {

    private final List<String> replies = new ArrayList<>();
    private final ManualExecutor executor = new ManualExecutor();

    @Test
    void probeAll_reportsAnswers_andAGroupAnswersWhenAnyMemberDoes() {
        Set<String> up = Set.of("10.0.0.1", "10.0.0.4");
        PingProber prober = new PingProber(List.of(new PingNode("10.0.0.1", List.of("10.0.0.1"), false, 1),
                new PingNode("10.0.0.2", List.of("10.0.0.2"), false, 1),
                new PingNode("routers", List.of("10.0.0.3", "10.0.0.4"), true, 2)),
                (address, timeout) -> up.contains(address.getHostAddress()), executor, replies::add, 1000);
        prober.probeAll();
        executor.runAll();
        assertEquals(List.of("10.0.0.1", "routers"), replies);
    }

    @Test
    void probeAll_doesNotStackProbesForASlowAddress() {
        PingProber prober = new PingProber(List.of(new PingNode("10.0.0.9", List.of("10.0.0.9"), false, 1)),
                (address, timeout) -> true, executor, replies::add, 1000);
        prober.probeAll();
        prober.probeAll();
        prober.probeAll();
        assertEquals(1, executor.pending(), "one probe in flight at a time");
        executor.runAll();
        prober.probeAll();
        assertEquals(1, executor.pending());
    }
}
