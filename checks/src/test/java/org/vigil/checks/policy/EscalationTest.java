package org.vigil.checks.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;

/** Restart, then move; failure-timeout ageing; operator clear. Time is passed in. */
class EscalationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CheckResult FAIL = CheckResult.failed("mysql down");

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static <T> T only(Class<T> type, List<PolicyEvent> events) {
        List<PolicyEvent> of = events.stream().filter(type::isInstance).toList();
        assertEquals(1, of.size(), events::toString);
        return type.cast(of.get(0));
    }

    private static ServiceMonitor monitor(EscalationPolicy e) {
        return new ServiceMonitor("db", AlertPolicy.MON_DEFAULTS.withAlertAfter(2, null), e);
    }

    @Test
    void alertOnlyNeverRestarts() {
        ServiceMonitor m = monitor(EscalationPolicy.ALERT_ONLY);
        for (int i = 0; i < 10; i++) {
            m.onResult(FAIL, t(i * 10L)).forEach(e -> assertInstanceOf(PolicyEvent.Alert.class, e));
        }
        assertFalse(m.ineligible());
    }

    @Test
    void restartsThenMovesTheGroup() {
        ServiceMonitor m = monitor(EscalationPolicy.move("mysql", "dbgroup", 2, Duration.ofMinutes(10),
                Duration.ofMinutes(30)));
        assertTrue(m.onResult(FAIL, t(0)).isEmpty(), "alertafter 2: not down yet, nothing to do");
        PolicyEvent.RestartResource r1 = only(PolicyEvent.RestartResource.class, m.onResult(FAIL, t(10)));
        assertEquals("mysql", r1.resource());
        assertEquals(1, r1.attempt());
        assertEquals(2, only(PolicyEvent.RestartResource.class, m.onResult(FAIL, t(20))).attempt());
        PolicyEvent.MoveGroup move = only(PolicyEvent.MoveGroup.class, m.onResult(FAIL, t(30)));
        assertEquals("dbgroup", move.group());
        assertEquals(t(30 + 1800), move.until());
        assertTrue(m.ineligible());
        // it keeps failing here: no more restarts or moves, still ineligible
        List<PolicyEvent> later = m.onResult(FAIL, t(40));
        assertTrue(later.stream().noneMatch(e -> e instanceof PolicyEvent.RestartResource
                || e instanceof PolicyEvent.MoveGroup), later::toString);
        assertTrue(m.ineligible());
    }

    @Test
    void restartsAgeOutOfTheirWindow() {
        ServiceMonitor m = new ServiceMonitor("db", AlertPolicy.MON_DEFAULTS,
                EscalationPolicy.restart("mysql", 1, Duration.ofMinutes(10)));
        assertEquals(1, only(PolicyEvent.RestartResource.class, m.onResult(FAIL, t(0))).attempt());
        only(PolicyEvent.RestartsExhausted.class, m.onResult(FAIL, t(60)));
        assertTrue(m.onResult(FAIL, t(120)).stream().noneMatch(e -> e instanceof PolicyEvent.RestartsExhausted),
                "reported once");
        m.onResult(CheckResult.ok("up"), t(300));
        assertEquals(1, only(PolicyEvent.RestartResource.class, m.onResult(FAIL, t(601))).attempt(),
                "the first restart left the 10 min window");
    }

    @Test
    void ineligibilityEndsWhenTheFailuresAgeOut() {
        ServiceMonitor m = monitor(EscalationPolicy.move("mysql", "dbgroup", 0, Duration.ofMinutes(10),
                Duration.ofMinutes(5)));
        m.onResult(FAIL, t(0));
        only(PolicyEvent.MoveGroup.class, m.onResult(FAIL, t(10)));
        m.onResult(FAIL, t(100)); // still failing: the clock of failure_timeout restarts
        assertTrue(m.tick(t(10 + 300)).isEmpty());
        assertTrue(m.ineligible());
        assertEquals(1, m.failCount(t(10 + 300)));
        PolicyEvent.EligibleAgain back = only(PolicyEvent.EligibleAgain.class, m.tick(t(100 + 300)));
        assertFalse(back.byOperator());
        assertFalse(m.ineligible());
        assertEquals(0, m.failCount(t(400)));
    }

    @Test
    void withoutFailureTimeoutOnlyAnOperatorClears() {
        ServiceMonitor m = monitor(EscalationPolicy.move("mysql", "dbgroup", 0, Duration.ofMinutes(10),
                Duration.ZERO));
        m.onResult(FAIL, t(0));
        PolicyEvent.MoveGroup move = only(PolicyEvent.MoveGroup.class, m.onResult(FAIL, t(10)));
        assertEquals(null, move.until());
        assertTrue(m.tick(t(86_400 * 30L)).isEmpty());
        assertTrue(m.ineligible());
        assertTrue(only(PolicyEvent.EligibleAgain.class, m.clear(t(86_400 * 30L))).byOperator());
        assertFalse(m.ineligible());
        assertTrue(m.clear(t(86_400 * 31L)).isEmpty(), "nothing to clear twice");
    }

    @Test
    void operatorClearAlsoResetsRestarts() {
        ServiceMonitor m = new ServiceMonitor("db", AlertPolicy.MON_DEFAULTS,
                EscalationPolicy.move("mysql", "g", 1, Duration.ofHours(1), Duration.ZERO));
        only(PolicyEvent.RestartResource.class, m.onResult(FAIL, t(0)));
        only(PolicyEvent.MoveGroup.class, m.onResult(FAIL, t(10)));
        m.clear(t(20));
        assertEquals(1, only(PolicyEvent.RestartResource.class, m.onResult(FAIL, t(30))).attempt());
    }

    @Test
    void policyFromOptions() {
        CheckOptions o = new CheckOptions("db", Map.of("on_fail", "move", "resource", "mysql", "group", "db",
                "max_restarts", "2", "restart_window", "15m", "failure_timeout", "1h"));
        EscalationPolicy p = EscalationPolicy.fromOptions(o).orElseThrow();
        assertEquals(EscalationPolicy.Action.MOVE, p.action());
        assertEquals(Duration.ofHours(1), p.failureTimeout());
        CheckOptions bad = new CheckOptions("db", Map.of("on_fail", "move"));
        assertTrue(EscalationPolicy.fromOptions(bad).isEmpty());
        assertEquals(2, bad.errors().size(), bad.errors().toString());
    }

    @Test
    void moveWithoutRestarts_needsNoResource_andMovesAtTheFirstFailure() {
        CheckOptions o = new CheckOptions("web", Map.of("on_fail", "move", "group", "g", "max_restarts", "0"));
        EscalationPolicy p = EscalationPolicy.fromOptions(o).orElseThrow();
        assertEquals(EscalationPolicy.Action.MOVE, p.action());
        ServiceMonitor m = new ServiceMonitor("web", AlertPolicy.MON_DEFAULTS, p);
        only(PolicyEvent.MoveGroup.class, m.onResult(FAIL, t(0)));
        CheckOptions restart = new CheckOptions("web", Map.of("on_fail", "restart", "group", "g"));
        assertTrue(EscalationPolicy.fromOptions(restart).isEmpty(), "a restart still needs its resource");
    }
}
