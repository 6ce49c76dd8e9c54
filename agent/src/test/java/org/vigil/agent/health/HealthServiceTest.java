package org.vigil.agent.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.health.Fixture.T0;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service on the manual scheduler: virtual time, a recorder for the actions, no sleeping. */
class HealthServiceTest {

    private static final String HEADER = "watch 10.0.0.10\n  service web\n"
            + "    monitor http url=http://127.0.0.1:1/ timeout=2s\n    interval 10s\n";

    @Test
    void alertafter_countsFailuresInARow_thenMovesTheGroup() {
        try (Fixture f = new Fixture(HEADER + "    alertafter 3\n    on_fail move\n    resource apache2\n"
                + "    max_restarts 0\n", null).start()) {
            f.fail("web");
            f.scheduler.advance(Duration.ofSeconds(15)); // runs at 0, 10
            assertEquals(List.of(), f.actions.calls(), "two failures are not yet down");
            assertEquals(2, f.state("web").failuresInARow());
            assertEquals("UP", f.state("web").state(), "not down before alertafter");
            assertTrue(f.service.eligible("10.0.0.10"));

            f.scheduler.advance(Duration.ofSeconds(10)); // the third, at 20 s
            assertEquals(List.of("alert FAILURE web 10.0.0.10 #1: connection refused",
                    "move 10.0.0.10 web until cleared"), f.actions.calls());
            CheckState s = f.state("web");
            assertEquals("FAILED", s.status());
            assertEquals("DOWN", s.state());
            assertTrue(s.ineligible());
            assertNull(s.ineligibleUntil(), "no failure_timeout: until an operator clears it");
            assertEquals(T0.plusSeconds(20), s.lastChange());
            assertFalse(f.service.eligible("10.0.0.10"));
            assertEquals(List.of(), f.actions.problems());
        }
    }

    @Test
    void restartsFirst_thenMoves_thenOperatorClearMakesItEligible() {
        try (Fixture f = new Fixture(HEADER + "    on_fail move\n    resource apache2\n    max_restarts 2\n"
                + "    failure_timeout 5m\n", null).start()) {
            f.fail("web");
            f.scheduler.advance(Duration.ofSeconds(25));
            assertEquals(List.of("restart 10.0.0.10 apache2 web 1/2", "restart 10.0.0.10 apache2 web 2/2",
                    "move 10.0.0.10 web until " + T0.plusSeconds(20 + 300)), f.actions.repairs());
            assertEquals(3, f.state("web").failCount());
            assertEquals(T0.plusSeconds(320), f.state("web").ineligibleUntil());

            f.actions.reset();
            assertTrue(f.service.clear("web"));
            assertEquals(List.of("eligible 10.0.0.10 web by operator"), f.actions.calls());
            assertFalse(f.state("web").ineligible());
            assertEquals(0, f.state("web").failCount());
            assertTrue(f.service.eligible("10.0.0.10"));
            assertFalse(f.service.clear("nope"));
            assertEquals(List.of(), f.actions.problems());
        }
    }

    @Test
    void failuresAgeOut_onlyOnceTheCheckStopsFailing() {
        try (Fixture f = new Fixture(HEADER + "    on_fail move\n    resource apache2\n    max_restarts 0\n"
                + "    failure_timeout 1m\n", null).start()) {
            f.fail("web");
            f.scheduler.advance(Duration.ofSeconds(125)); // fails at 0 .. 120
            assertEquals(List.of("move 10.0.0.10 web until " + T0.plusSeconds(60)), f.actions.repairs());
            assertTrue(f.state("web").ineligible(), "still failing: still ineligible");
            assertEquals(T0.plusSeconds(180), f.state("web").ineligibleUntil(), "last failure + failure_timeout");

            f.pass("web"); // passes from 130 s on
            f.scheduler.advance(Duration.ofSeconds(50)); // 130 .. 170: the failure at 120 is younger than 1m
            assertTrue(f.state("web").ineligible());
            f.scheduler.advance(Duration.ofSeconds(10)); // 180: it ages out with the result
            assertEquals("eligible 10.0.0.10 web aged out", f.actions.calls().get(f.actions.calls().size() - 1));
            assertFalse(f.state("web").ineligible());
            assertEquals(0, f.state("web").failCount());
            assertEquals(List.of(), f.actions.problems());
        }
    }

    @Test
    void tick_agesFailuresOfACheckThatGetsNoResults() {
        try (Fixture f = new Fixture("watch g\n  service slow\n    monitor tcp host=127.0.0.1 port=1\n"
                + "    interval 1h\n    on_fail move\n    resource r\n    max_restarts 0\n    failure_timeout 1m\n",
                null).start()) {
            f.fail("slow");
            f.scheduler.advance(Duration.ofSeconds(59));
            assertFalse(f.service.eligible("g"));
            f.service.tick();
            assertFalse(f.service.eligible("g"), "59 s: not yet");
            f.scheduler.advance(Duration.ofSeconds(1));
            f.service.tick();
            assertTrue(f.service.eligible("g"));
            assertEquals(List.of("move g slow until " + T0.plusSeconds(60), "eligible g slow aged out"),
                    f.actions.repairs());
        }
    }

    @Test
    void upAlert_andRestartOnlyCheck_reportsExhaustedRestartsOnce() {
        try (Fixture f = new Fixture(HEADER + "    upalert yes\n    on_fail restart\n    resource apache2\n"
                + "    max_restarts 1\n", null).start()) {
            f.fail("web");
            f.scheduler.advance(Duration.ofSeconds(25));
            f.pass("web");
            f.scheduler.advance(Duration.ofSeconds(10));
            assertEquals(List.of("restart 10.0.0.10 apache2 web 1/1",
                    "alert RESTARTS_EXHAUSTED web 10.0.0.10: 1 restart(s) of apache2 did not help",
                    "alert UP web 10.0.0.10: HTTP 200"), f.actions.repairs());
            assertEquals("UP", f.state("web").state());
            assertEquals(0, f.state("web").failuresInARow());
        }
    }
}
