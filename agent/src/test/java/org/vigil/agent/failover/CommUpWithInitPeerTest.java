package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.membership.LinkStatus;
import org.vigil.agent.membership.LogLine;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.time.FakeTicker;
import org.vigil.agent.wire.HaMessage;

/**
 * A starting peer's first statuses say {@code init}: heard on a link, it is alive even though its
 * status has not changed yet. Comm coming up then must not take its groups (both nodes did, in a
 * CI run of OperatorCommandsIT); a peer never heard from is taken over, as before.
 */
class CommUpWithInitPeerTest {

    private final List<String> started = new ArrayList<>();
    private final FakeTicker ticker = new FakeTicker();

    private ResourceManager manager() {
        FailoverSettings settings = FailoverSettings.of("a", List.of("a", "b"),
                List.of(new FailoverSettings.Group("10.0.0.1", "b")), AutoFailback.ON, List.of(), false);
        return new ResourceManager(settings, new ResourceActions() {
            @Override
            public void startGroup(String key) {
                started.add(key);
            }

            @Override
            public void stopGroup(String key) {
            }

            @Override
            public void send(HaMessage body, Optional<String> dest) {
            }

            @Override
            public void fence(String node) {
            }

            @Override
            public void log(LogLine line) {
            }

            @Override
            public void stopFailed(String key) {
            }

            @Override
            public void readyToExit(boolean sendShutdone) {
            }
        }, ticker.nanoTime());
    }

    private void tick(ResourceManager rm, Duration d) {
        for (long ms = 0; ms < d.toMillis(); ms += 250) {
            ticker.advanceMillis(250);
            rm.onTick(ticker.nanoTime());
        }
    }

    @Test
    void peerHeardOnALink_isNotTakenOverAtCommUp() {
        ResourceManager rm = manager();
        rm.onMembershipEvent(new MembershipEvent.LinkStatusChanged("b", "eth0", LinkStatus.UP), ticker.nanoTime());
        rm.onMembershipEvent(new MembershipEvent.CommUp(), ticker.nanoTime());
        tick(rm, Duration.ofSeconds(5));
        assertEquals(List.of(), started, "b's group is b's: it is alive, only still saying init");
    }

    @Test
    void peerNeverHeardFrom_isTakenOverAtCommUp() {
        ResourceManager rm = manager();
        rm.onMembershipEvent(new MembershipEvent.CommUp(), ticker.nanoTime());
        tick(rm, Duration.ofSeconds(15));
        assertTrue(started.contains("10.0.0.1"), "the silent peer's group is taken: " + started);
    }
}
