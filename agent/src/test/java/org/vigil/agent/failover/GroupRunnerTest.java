package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRunnerTest {

    private final List<String> journal = new ArrayList<>();
    private final FakeResource ip = new FakeResource("IPaddr2::10.0.0.1", journal);
    private final FakeResource fs = new FakeResource("Filesystem::/dev/sda1::/data", journal);
    private final FakeResource web = new FakeResource("apache2", journal);
    private int pauses;
    private final GroupRunner runner = new GroupRunner("10.0.0.1", List.of(fs, ip, web), () -> pauses++);

    @Test
    void start_leftToRight_stop_rightToLeft() {
        assertTrue(runner.start().success());
        assertTrue(runner.stop().success());
        assertEquals(List.of("start Filesystem::/dev/sda1::/data", "start IPaddr2::10.0.0.1", "start apache2",
                "stop apache2", "stop IPaddr2::10.0.0.1", "stop Filesystem::/dev/sda1::/data"), journal);
    }

    @Test
    void start_skipsRunningServices_butAlwaysStartsAddresses() {
        ip.running = true;
        web.running = true;
        assertTrue(runner.start().success());
        assertEquals(List.of("start Filesystem::/dev/sda1::/data", "start IPaddr2::10.0.0.1"), journal);
    }

    @Test
    void failedStart_stopsWhatItStarted_inReverse() {
        web.failStart = true;
        GroupOutcome outcome = runner.start();
        assertFalse(outcome.success());
        assertEquals("apache2", outcome.failedResource());
        assertFalse(outcome.stopFailed());
        assertEquals(List.of("start Filesystem::/dev/sda1::/data", "start IPaddr2::10.0.0.1", "start apache2",
                "stop IPaddr2::10.0.0.1", "stop Filesystem::/dev/sda1::/data"), journal);
        assertTrue(outcome.log().contains("CRIT: Giving up resources due to failure of apache2"));
    }

    @Test
    void failedStop_isRetried_thenSucceeds() {
        runner.start();
        journal.clear();
        web.failStops = 3;
        assertTrue(runner.stop().success());
        assertEquals(4, journal.stream().filter(j -> j.equals("stop apache2")).count());
        assertEquals(3, pauses);
    }

    @Test
    void stopThatNeverWorks_isAStopFailure_afterTenAttempts_andTheRestIsStillStopped() {
        runner.start();
        journal.clear();
        web.failStops = 100;
        GroupOutcome outcome = runner.stop();
        assertFalse(outcome.success());
        assertTrue(outcome.stopFailed());
        assertEquals(GroupRunner.STOP_ATTEMPTS, journal.stream().filter(j -> j.equals("stop apache2")).count());
        assertTrue(journal.contains("stop Filesystem::/dev/sda1::/data"), "the other resources are still released");
    }

    @Test
    void failedStop_whoseStatusSaysStopped_countsAsStopped_atOnce_withTheLsbError() {
        runner.start();
        journal.clear();
        web.stopFailsAnyway = true;
        GroupOutcome outcome = runner.stop();
        assertTrue(outcome.success(), outcome.log().toString());
        assertFalse(outcome.stopFailed());
        assertEquals(1, journal.stream().filter(j -> j.equals("stop apache2")).count(), "no retries: " + journal);
        assertEquals(0, pauses);
        assertTrue(outcome.log().stream().anyMatch(l -> l.startsWith("ERROR: Resource script for apache2 probably not"
                + " LSB-compliant")), outcome.log().toString());
    }

    @Test
    void stopThatLies_isRetried_andReported() {
        runner.start();
        web.stopLies = true;
        GroupOutcome outcome = runner.stop();
        assertTrue(outcome.stopFailed());
        assertTrue(outcome.log().stream().anyMatch(l -> l.contains("probably not LSB-compliant")));
    }
}
