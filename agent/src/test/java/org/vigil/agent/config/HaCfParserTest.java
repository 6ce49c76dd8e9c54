package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.config.DiagnosticAssertions.assertHas;
import static org.vigil.agent.config.DiagnosticAssertions.assertNone;
import static org.vigil.agent.config.DiagnosticAssertions.assertNoneContaining;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HaCfParserTest {

    private static final String BASE = "node a b\nbcast eth0\nauto_failback on\nlogfile /var/log/ha-log\n";

    private final Diagnostics diagnostics = new Diagnostics();

    private HaCf parse(String text) {
        return HaCfParser.parse("ha.cf", text, diagnostics, new FakeHost("a", "eth0", "eth1"));
    }

    private List<Diagnostic> found() {
        return diagnostics.sorted();
    }

    @Test
    void parse_minimalConfig_appliesHeartbeatDefaults() {
        HaCf cf = parse(BASE);
        assertNone(found(), Severity.ERROR);
        assertNone(found(), Severity.WARNING);
        assertEquals(List.of("a", "b"), cf.nodes());
        assertEquals(new Timing(Duration.ofMillis(1000), Duration.ofMillis(30000), Duration.ofMillis(15000),
                Duration.ofMillis(30000), Duration.ofMillis(30000)), cf.timing());
        assertEquals(694, cf.udpPort());
        assertEquals(List.of(new Medium.Bcast("eth0", 694, 2)), cf.media());
        assertEquals("linux-ha", cf.clusterName());
        assertEquals(AutoFailback.ON, cf.autoFailback());
    }

    @ParameterizedTest
    @CsvSource({"5000,12000", "8000,16000", "10000,20000", "10001,10001", "30000,30000"})
    void parse_unsetInitdead_followsHeartbeatRule(long deadtimeMs, long initdeadMs) {
        HaCf cf = parse(BASE + "keepalive 500ms\ndeadtime " + deadtimeMs + "ms\n");
        assertEquals(Duration.ofMillis(initdeadMs), cf.timing().initdead());
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_optionListsSplitOnCommasAndBlanks_andNodeNamesAreLowerCased() {
        HaCf cf = parse("node Alpha,beta\tGamma\nbcast eth0,eth1\nauto_failback off\nlogfile /x\n");
        assertEquals(List.of("alpha", "beta", "gamma"), cf.nodes());
        assertEquals(2, cf.media().size());
        assertEquals("eth1", cf.media().get(1).linkName());
    }

    @Test
    void parse_commentsAnywhere_areIgnored() {
        HaCf cf = parse("# header\nnode a b # the two\nbcast eth0#x\nkeepalive 2 # seconds\nauto_failback on\nlogfile /x\n");
        assertEquals(Duration.ofSeconds(2), cf.timing().keepalive());
        assertEquals("eth0", cf.media().get(0).linkName());
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_deadtimeNotAboveTwiceKeepalive_isAnErrorOnTheDeadtimeLineWithTheFix() {
        parse(BASE + "keepalive 5\ninitdead 30\ndeadtime 10\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 7, "deadtime [10000 ms] must be more than twice keepalive [5000 ms]");
        assertTrue(d.suggestion().contains("deadtime 15"), d.suggestion());
        assertHas(found(), Severity.NOTE, 5, "keepalive [5000 ms] is set here");
    }

    @Test
    void parse_deadtimeJustAboveTwiceKeepalive_isAccepted() {
        parse(BASE + "keepalive 100ms\ndeadtime 250ms\ninitdead 10\n");
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_secondsSuffix_isRejectedWithTheFix() {
        parse(BASE + "deadtime 30s\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 5, "deadtime [30s] is not a time");
        assertTrue(d.suggestion().contains("write [30]"));
    }

    @Test
    void parse_initdeadBelowDeadtime_isAnError_andBelowTenSecondsAWarning() {
        parse(BASE + "deadtime 20\ninitdead 10\n");
        assertHas(found(), Severity.ERROR, 6, "initdead [10000 ms] is smaller than deadtime [20000 ms]");
        Diagnostics other = new Diagnostics();
        HaCfParser.parse("ha.cf", BASE + "keepalive 1\ndeadtime 3\ninitdead 8\n", other, new FakeHost("a", "eth0"));
        assertHas(other.sorted(), Severity.WARNING, 7, "initdead [8000 ms] may be too small");
    }

    @Test
    void parse_deadpingTooSmall_isAnError() {
        parse(BASE + "keepalive 1\ndeadping 2\n");
        assertHas(found(), Severity.ERROR, 6, "deadping [2000 ms] must be more than twice keepalive");
    }

    @Test
    void parse_warntimeNotBelowDeadtime_isAWarning() {
        parse(BASE + "deadtime 10\nwarntime 10\n");
        assertHas(found(), Severity.WARNING, 6, "warntime [10000 ms] is not below deadtime");
    }

    @Test
    void parse_unknownDirective_suggestsTheClosest() {
        parse(BASE + "keepalvie 2\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 5, "unknown directive [keepalvie]");
        assertEquals("did you mean keepalive?", d.suggestion());
    }

    @Test
    void parse_udpportAfterMedia_keepsHeartbeatOrderAndWarnsWhenItMatters() {
        HaCf cf = parse("node a b\nbcast eth0\nudpport 700\nucast eth1 10.0.0.2\nauto_failback on\nlogfile /x\n");
        assertEquals(new Medium.Bcast("eth0", 694, 2), cf.media().get(0));
        assertEquals(new Medium.Ucast("eth1", "10.0.0.2", 700, 4), cf.media().get(1));
        assertHas(found(), Severity.WARNING, 3, "keeps port [694]");
    }

    @Test
    void parse_udpportAfterMediaWithTheSamePort_isOnlyANote() {
        parse(BASE + "udpport 694\n");
        assertHas(found(), Severity.NOTE, 5, "harmless here");
        assertNone(found(), Severity.WARNING);
    }

    @Test
    void parse_mcast_readsAllFiveValues() {
        HaCf cf = parse("node a b\nmcast eth0 225.0.0.1 694 1 0\nauto_failback on\nlogfile /x\n");
        assertEquals(new Medium.Mcast("eth0", "225.0.0.1", 694, 1, false, 2), cf.media().get(0));
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_mcastMistakes_areExplained() {
        parse("node a b\nmcast eth0 10.0.0.1 694 1 0\nmcast eth0 225.0.0.1 694 5 0\nmcast eth0 225.0.0.1 694\n"
                + "mcast eth0 225.0.0.1 694 1 2\nauto_failback on\nlogfile /x\n");
        assertHas(found(), Severity.ERROR, 2, "group [10.0.0.1] is not a multicast address");
        assertHas(found(), Severity.WARNING, 3, "Heartbeat 3.0.6 refuses a ttl above 4");
        assertHas(found(), Severity.ERROR, 4, "mcast needs 5 values, found 3");
        assertHas(found(), Severity.ERROR, 5, "mcast loop [2]");
    }

    @Test
    void parse_ucastWithAnIpv6Peer_pointsToUcast6() {
        parse(BASE + "ucast eth0 fe80::1\nucast6 eth0 fe80::2\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 5, "ucast peer [fe80::1]");
        assertEquals("use ucast6 for an IPv6 peer", d.suggestion());
        assertNoneContaining(found(), "fe80::2");
    }

    @Test
    void parse_serial_takesTheBaudInForce() {
        HaCf cf = parse("node a b\nbaud 115200\nserial /dev/null\nbaud 9600\nauto_failback on\nlogfile /x\n");
        assertEquals(new Medium.Serial("/dev/null", 115200, 3), cf.media().get(0));
        assertEquals("null", cf.media().get(0).linkName());
        assertHas(found(), Severity.WARNING, 4, "keeps [115200]");
        parse("node a b\nbaud 1234\nbcast eth0\nauto_failback on\nlogfile /x\n");
        assertHas(found(), Severity.ERROR, 2, "baud [1234] is not a supported rate");
    }

    @Test
    void parse_missingInterfaceOrDevice_isOnlyAWarning() {
        parse("node a b\nbcast eth9\nserial /dev/does-not-exist\nauto_failback on\nlogfile /x\n");
        assertHas(found(), Severity.WARNING, 2, "interface [eth9] does not exist on this machine");
        assertHas(found(), Severity.WARNING, 3, "serial device [/dev/does-not-exist] does not exist");
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_autoFailbackForms() {
        assertEquals(AutoFailback.OFF, parse("node a\nbcast eth0\nlogfile /x\nauto_failback no\n").autoFailback());
        assertEquals(AutoFailback.LEGACY, parse("node a\nbcast eth0\nlogfile /x\nauto_failback legacy\n").autoFailback());
        assertHas(found(), Severity.WARNING, 4, "auto_failback [legacy] is deprecated");
        parse("node a\nbcast eth0\nlogfile /x\nauto_failback of\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 4, "auto_failback [of] is not on, off or legacy");
        assertEquals("did you mean on?", d.suggestion());
    }

    @Test
    void parse_unsetAutoFailback_warnsAboutTheLegacyDefault() {
        HaCf cf = parse("node a b\nbcast eth0\nlogfile /x\n");
        assertEquals(AutoFailback.LEGACY, cf.autoFailback());
        assertFalse(cf.autoFailbackExplicit());
        assertHas(found(), Severity.WARNING, 0, "auto_failback is not set");
    }

    @Test
    void parse_niceFailback_isObsoleteAndExplained() {
        HaCf cf = parse("node a b\nbcast eth0\nlogfile /x\nnice_failback on\n");
        assertHas(found(), Severity.WARNING, 4, "nice_failback [on] is obsolete");
        assertEquals(AutoFailback.LEGACY, cf.autoFailback());
    }

    @Test
    void parse_crmOn_isRefused_crmOffAccepted() {
        parse(BASE + "crm off\npacemaker respawn\n");
        assertHas(found(), Severity.ERROR, 6, "pacemaker [respawn] hands resources to Pacemaker");
        assertNoneContaining(found(), "crm [off]");
    }

    @Test
    void parse_acceptedDirective_warnsThatVigilDoesNotActOnIt() {
        parse(BASE + "watchdog /dev/watchdog\n");
        assertHas(found(), Severity.WARNING, 5, "Vigil accepts [watchdog] but does not act on it yet");
    }

    @Test
    void parse_respawn_ipfailIsBuiltIn_relativePathIsAnError() {
        HaCf cf = parse(BASE + "respawn hacluster /usr/lib/heartbeat/ipfail\nrespawn root bin/thing\n");
        assertHas(found(), Severity.NOTE, 5, "ipfail's policy is built into Vigil");
        assertHas(found(), Severity.ERROR, 6, "must be a full path name");
        assertEquals(List.of(), cf.respawn());
    }

    @Test
    void parse_noNodesNoMedia_areErrors() {
        parse("auto_failback on\nlogfile /x\n");
        assertHas(found(), Severity.ERROR, 0, "no nodes defined");
        assertHas(found(), Severity.ERROR, 0, "no heartbeat media defined");
    }

    @Test
    void parse_useLogdOffWithoutDestination_isAnError() {
        parse("node a b\nbcast eth0\nauto_failback on\nuse_logd off\n");
        assertHas(found(), Severity.ERROR, 4, "use_logd is set to off");
    }

    @Test
    void parse_keepsRawValuesAsWritten_forHbparameter() {
        HaCf cf = parse(BASE + "deadtime 6\nkeepalive 500ms\n");
        assertEquals("6", cf.raw().get("deadtime"));
        assertEquals("500ms", cf.raw().get("keepalive"));
        assertEquals(6, cf.lineOf("keepalive"));
    }

    @Test
    void parse_pingAndPingGroup_areTypedPingNodes() {
        HaCf cf = parse(BASE + "ping 10.0.0.1 10.0.0.2\nping_group routers 10.0.0.3 10.0.0.4\nping 300.1.1.1\n");
        assertEquals(List.of(new PingNode("10.0.0.1", List.of("10.0.0.1"), false, 5),
                new PingNode("10.0.0.2", List.of("10.0.0.2"), false, 5),
                new PingNode("routers", List.of("10.0.0.3", "10.0.0.4"), true, 6)), cf.pingNodes());
        assertHas(found(), Severity.ERROR, 7, "ping [300.1.1.1] is not an address");
    }

    @Test
    void parse_directiveSetTwice_warnsWhichValueWins() {
        HaCf cf = parse(BASE + "keepalive 1\nkeepalive 2\n");
        assertEquals(Duration.ofSeconds(2), cf.timing().keepalive());
        assertHas(found(), Severity.WARNING, 6, "replaces [1] from line 5");
    }

    @Test
    void parse_directiveWithoutValue_showsTheSyntax() {
        parse(BASE + "deadtime\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 5, "directive [deadtime] has no value");
        assertEquals("write it as: deadtime TIME", d.suggestion());
    }
}
