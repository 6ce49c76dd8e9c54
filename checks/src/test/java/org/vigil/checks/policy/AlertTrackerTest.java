package org.vigil.checks.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;

/** mon's alert semantics, with time passed in: nothing sleeps. */
class AlertTrackerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static final CheckResult OK = CheckResult.ok("fine");

    private static CheckResult fail(String summary) {
        return CheckResult.failed(summary);
    }

    private static List<Class<?>> kinds(List<PolicyEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void monDefaultsAlertOnEveryFailure() {
        AlertTracker a = new AlertTracker("web", AlertPolicy.MON_DEFAULTS);
        assertEquals(ServiceState.UNKNOWN, a.state());
        assertTrue(a.onResult(OK, t(0)).isEmpty());
        assertEquals(ServiceState.UP, a.state());
        PolicyEvent.Alert first = assertInstanceOf(PolicyEvent.Alert.class, a.onResult(fail("web1"), t(60)).get(0));
        assertEquals(1, first.number());
        assertEquals("web1", first.summary());
        assertEquals(ServiceState.DOWN, a.state());
        assertEquals(2, ((PolicyEvent.Alert) a.onResult(fail("web1"), t(120)).get(0)).number());
        assertTrue(a.onResult(OK, t(180)).isEmpty(), "no upalert unless asked");
    }

    @Test
    void timeoutsAndErrorsAreFailures() {
        AlertTracker a = new AlertTracker("web", AlertPolicy.MON_DEFAULTS);
        assertEquals(1, a.onResult(CheckResult.timeout("slow"), t(0)).size());
        assertEquals(1, a.onResult(CheckResult.error("broken", ""), t(10)).size());
    }

    @Test
    void alertAfterNInARow() {
        AlertTracker a = new AlertTracker("db", AlertPolicy.MON_DEFAULTS.withAlertAfter(3, null));
        assertTrue(a.onResult(fail("x"), t(0)).isEmpty());
        assertTrue(a.onResult(fail("x"), t(10)).isEmpty());
        assertTrue(a.onResult(OK, t(20)).isEmpty()); // a success starts the count again
        assertTrue(a.onResult(fail("x"), t(30)).isEmpty());
        assertTrue(a.onResult(fail("x"), t(40)).isEmpty());
        assertEquals(1, a.onResult(fail("x"), t(50)).size());
    }

    @Test
    void alertAfterNWithinT() {
        AlertTracker a = new AlertTracker("db", AlertPolicy.MON_DEFAULTS.withAlertAfter(3, Duration.ofMinutes(10)));
        a.onResult(fail("x"), t(0));
        a.onResult(OK, t(60));
        a.onResult(fail("x"), t(120));
        a.onResult(OK, t(180));
        assertEquals(1, a.onResult(fail("x"), t(540)).size(), "3 failures within 10 min, successes between");
        AlertTracker b = new AlertTracker("db", AlertPolicy.MON_DEFAULTS.withAlertAfter(2, Duration.ofMinutes(1)));
        b.onResult(fail("x"), t(0));
        assertTrue(b.onResult(fail("x"), t(61)).isEmpty(), "the first failure is out of the window");
    }

    @Test
    void alertAfterTime() {
        AlertTracker a = new AlertTracker("db", AlertPolicy.MON_DEFAULTS.withAlertAfterFor(Duration.ofMinutes(5)));
        assertTrue(a.onResult(fail("x"), t(0)).isEmpty());
        assertTrue(a.onResult(fail("x"), t(240)).isEmpty());
        assertEquals(1, a.onResult(fail("x"), t(300)).size());
    }

    @Test
    void alertEveryRepeatsOnlyAfterTheIntervalOrWhenTheSummaryChanges() {
        AlertTracker a = new AlertTracker("web", AlertPolicy.MON_DEFAULTS.withAlertEvery(Duration.ofHours(1), false));
        assertEquals(1, a.onResult(fail("web1"), t(0)).size());
        assertTrue(a.onResult(fail("web1"), t(600)).isEmpty());
        PolicyEvent.Alert changed = (PolicyEvent.Alert) a.onResult(fail("web1 web2"), t(1200)).get(0);
        assertEquals("web1 web2", changed.summary());
        assertTrue(a.onResult(fail("web1 web2"), t(1800)).isEmpty());
        assertEquals(1, a.onResult(fail("web1 web2"), t(1200 + 3600)).size());
    }

    @Test
    void strictIgnoresSummaryChanges() {
        AlertTracker a = new AlertTracker("web", AlertPolicy.MON_DEFAULTS.withAlertEvery(Duration.ofHours(1), true));
        a.onResult(fail("web1"), t(0));
        assertTrue(a.onResult(fail("web1 web2"), t(600)).isEmpty());
        assertEquals(1, a.onResult(fail("web2"), t(3600)).size());
    }

    @Test
    void numAlertsCapsADownPeriodAndResetsOnRecovery() {
        AlertTracker a = new AlertTracker("web", AlertPolicy.MON_DEFAULTS.withNumAlerts(2));
        assertEquals(1, a.onResult(fail("x"), t(0)).size());
        assertEquals(1, a.onResult(fail("x"), t(10)).size());
        assertTrue(a.onResult(fail("x"), t(20)).isEmpty());
        assertTrue(a.onResult(fail("x"), t(30)).isEmpty());
        a.onResult(OK, t(40));
        assertEquals(1, a.onResult(fail("x"), t(50)).size());
    }

    @Test
    void upAlertAfterADownAlertWithRiseHysteresis() {
        AlertTracker a = new AlertTracker("web", AlertPolicy.MON_DEFAULTS.withUpAlert(true, false).withRise(2));
        a.onResult(fail("x"), t(0));
        assertTrue(a.onResult(OK, t(60)).isEmpty());
        assertEquals(ServiceState.DOWN, a.state(), "one success is not enough with rise 2");
        PolicyEvent.UpAlert up = assertInstanceOf(PolicyEvent.UpAlert.class, a.onResult(OK, t(120)).get(0));
        assertEquals(Duration.ofSeconds(120), up.downFor());
        assertEquals(ServiceState.UP, a.state());
    }

    @Test
    void noUpAlertWithoutADownAlertUnlessNoCompAlerts() {
        AlertPolicy capped = AlertPolicy.MON_DEFAULTS.withAlertAfter(2, null).withUpAlert(true, false);
        AlertTracker a = new AlertTracker("web", capped);
        a.onResult(OK, t(0));
        a.onResult(fail("x"), t(10));
        assertTrue(a.onResult(OK, t(20)).isEmpty(), "never went down");
        AlertTracker b = new AlertTracker("web", AlertPolicy.MON_DEFAULTS.withNumAlerts(1)
                .withUpAlert(true, true).withAlertEvery(Duration.ofHours(1), false));
        b.onResult(fail("x"), t(0));
        assertEquals(1, b.onResult(OK, t(10)).size());
    }

    @Test
    void startupAlert() {
        assertTrue(new AlertTracker("w", AlertPolicy.MON_DEFAULTS).start(T0).isEmpty());
        assertInstanceOf(PolicyEvent.StartupAlert.class,
                new AlertTracker("w", AlertPolicy.MON_DEFAULTS.withStartupAlert(true)).start(T0).get(0));
    }

    @Test
    void flappingIsReportedOnceAndHoldsBackAlerts() {
        AlertTracker a = new AlertTracker("web", AlertPolicy.MON_DEFAULTS.withUpAlert(true, false)
                .withFlapping(3, Duration.ofMinutes(10)));
        assertEquals(1, a.onResult(fail("x"), t(0)).size());          // down: alert
        assertEquals(1, a.onResult(OK, t(60)).size());                // change 1: upalert
        assertEquals(1, a.onResult(fail("x"), t(120)).size());        // change 2: alert
        assertEquals(1, a.onResult(OK, t(180)).size());               // change 3: upalert
        List<PolicyEvent> fourth = a.onResult(fail("x"), t(240));    // change 4 > 3: flapping
        assertEquals(List.of(PolicyEvent.Flapping.class), kinds(fourth));
        assertEquals(ServiceState.FLAPPING, a.state());
        assertTrue(a.onResult(OK, t(300)).isEmpty());
        assertTrue(a.onResult(fail("x"), t(360)).isEmpty());
        assertTrue(a.onResult(fail("x"), t(600)).isEmpty());
        // a whole window without a change (last change at 360) ends it; it settled down: alert
        List<PolicyEvent> end = a.onResult(fail("x"), t(960));
        assertEquals(List.of(PolicyEvent.FlappingEnded.class, PolicyEvent.Alert.class), kinds(end));
        assertEquals(ServiceState.DOWN, a.state());
    }

    @Test
    void policyFromMonWords() {
        CheckOptions o = new CheckOptions("web", Map.of("alertafter", "3 10m", "alertevery", "1h strict",
                "numalerts", "5", "upalert", "yes", "startupalert", "on", "rise", "2",
                "flap_threshold", "4", "flap_window", "30m"));
        AlertPolicy p = AlertPolicy.fromOptions(o).orElseThrow();
        assertEquals(3, p.alertAfter());
        assertEquals(Duration.ofMinutes(10), p.alertAfterWithin());
        assertEquals(Duration.ofHours(1), p.alertEvery());
        assertTrue(p.strict() && p.upAlert() && p.startupAlert());
        assertEquals(5, p.numAlerts());
        assertEquals(Duration.ofMinutes(5), AlertPolicy.fromOptions(
                new CheckOptions("w", Map.of("alertafter", "5m"))).orElseThrow().alertAfterFor());
        CheckOptions bad = new CheckOptions("w", Map.of("alertafter", "three", "alertevery", "1h loose"));
        assertTrue(AlertPolicy.fromOptions(bad).isEmpty());
        assertEquals(2, bad.errors().size(), bad.errors().toString());
    }
}
