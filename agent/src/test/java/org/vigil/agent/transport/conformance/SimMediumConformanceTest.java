package org.vigil.agent.transport.conformance;

import java.time.Duration;
import org.vigil.agent.time.FakeTicker;
import org.vigil.agent.testing.FaultPlan;
import org.vigil.agent.testing.ManualScheduler;
import org.vigil.agent.testing.SimNetwork;

/**
 * The simulated network meets the medium contract: what the membership simulations assume of a
 * link (whole frames, in order at a constant delay, nothing after unplugging) holds.
 */
class SimMediumConformanceTest extends HeartbeatMediumContract {

    private final ManualScheduler scheduler = new ManualScheduler(new FakeTicker());

    @Override
    protected MediumEndpoint[] connect() throws Exception {
        SimNetwork net = new SimNetwork(scheduler, 42, FaultPlan.perfect().delay(Duration.ofMillis(1), Duration.ZERO));
        return new MediumEndpoint[] {new InJvmEndpoint(new SimMedium(net, "a", "sim0")),
            new InJvmEndpoint(new SimMedium(net, "b", "sim0"))};
    }

    @Override
    protected String expectedLink(int to) {
        return "sim0";
    }

    @Override
    protected String expectedSender(int from, int to) {
        return from == 0 ? "a" : "b";
    }

    @Override
    protected boolean ordered() {
        return true;
    }

    @Override
    protected int largeFrameBytes() {
        return 64 * 1024;
    }

    @Override
    protected void pass(Duration d) {
        scheduler.advance(d);
    }
}
