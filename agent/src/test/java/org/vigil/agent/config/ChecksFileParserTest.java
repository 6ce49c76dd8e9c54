package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.config.DiagnosticAssertions.assertHas;
import static org.vigil.agent.config.DiagnosticAssertions.assertNone;
import static org.vigil.agent.config.DiagnosticAssertions.assertNoneContaining;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.policy.EscalationPolicy;

class ChecksFileParserTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private ChecksFile parse(String text) {
        return ChecksFileParser.parse("checks", text, diagnostics, BuiltinChecks.registry());
    }

    private List<Diagnostic> found() {
        return diagnostics.sorted();
    }

    @Test
    void parse_monStyleSections_buildChecksWithTheirPolicies() {
        ChecksFile f = parse("""
                # web and database of the VIP group
                watch 10.0.0.10
                    service web
                        monitor http url=http://10.0.0.10/ timeout=2s
                        interval 5s
                        failure_interval 1s
                        alertafter 3
                        on_fail move
                        resource apache2
                    service db
                        monitor tcp host=127.0.0.1 port=3306
                """);
        assertNone(found(), Severity.ERROR);
        assertEquals(2, f.checks().size());
        CheckDefinition web = f.checks().get(0);
        assertEquals("web", web.name());
        assertEquals("10.0.0.10", web.group());
        assertEquals("http", web.type());
        assertEquals(Duration.ofSeconds(2), web.check().timeout());
        assertEquals(Duration.ofSeconds(5), web.schedule().interval());
        assertEquals(EscalationPolicy.Action.MOVE, web.escalation().action());
        assertEquals("10.0.0.10", web.escalation().group());
        assertEquals(3, web.line());
        assertEquals(EscalationPolicy.Action.ALERT, f.checks().get(1).escalation().action());
    }

    @Test
    void parse_mistakes_areOnTheirLines_withSuggestions() {
        parse("""
                service orphan
                watch 10.0.0.10
                    service web
                        monitor htpt url=http://x/
                    service db
                        monitor tcp host=127.0.0.1 port=99999
                        interval soon
                    service twice
                        monitor tcp host=h port=1
                        bogus_option 1
                    service nomonitor
                        interval 5s
                """);
        assertHas(found(), Severity.ERROR, 1, "service outside a watch");
        Diagnostic type = assertHas(found(), Severity.ERROR, 4, "unknown check type 'htpt'");
        assertEquals("did you mean http?", type.suggestion());
        assertHas(found(), Severity.ERROR, 6, "option 'port'");
        assertHas(found(), Severity.ERROR, 7, "option 'interval'");
        assertHas(found(), Severity.ERROR, 10, "unknown option 'bogus_option'");
        assertHas(found(), Severity.ERROR, 11, "service [nomonitor] has no monitor line");
    }

    @Test
    void words_keepQuotedBlanks() {
        assertEquals(List.of("monitor", "tcp", "send=GET / HTTP/1.0", "expect=200"),
                ChecksFileParser.words("monitor tcp send=\"GET / HTTP/1.0\" expect=200"));
    }

    @Test
    void loader_checksTheWatchedGroupAndResource_andPasswordPermissions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ha.cf"), "node a b\nbcast eth0\nauto_failback on\nlogfile /x\n");
        Files.writeString(dir.resolve("authkeys"), "auth 1\n1 sha1 k\n");
        Files.setPosixFilePermissions(dir.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("haresources"), "a 10.0.0.10 MailTo::root\n");
        Files.writeString(dir.resolve("checks"), "watch 10.0.0.11\n service s1\n  monitor tcp host=h port=1\n"
                + "watch 10.0.0.10\n service s2\n  monitor tcp host=h port=1\n  on_fail restart\n  resource apache2\n"
                + " service s3\n  monitor mysql user=u password=Hunter2secret\n");
        Files.setPosixFilePermissions(dir.resolve("checks"), PosixFilePermissions.fromString("rw-r--r--"));
        FakeHost host = new FakeHost("a", "eth0");
        LoadedConfig loaded = new ConfigLoader(host).load(ConfigPaths.in(dir), Optional.empty(), ResourceCatalog.standard(dir, host));
        List<Diagnostic> all = loaded.diagnostics();
        Diagnostic group = assertHas(all, Severity.ERROR, 2, "watches [10.0.0.11], which is not the key of a group");
        assertEquals("did you mean 10.0.0.10?", group.suggestion());
        assertHas(all, Severity.ERROR, 5, "resource [apache2] is not in group [10.0.0.10]");
        assertHas(all, Severity.WARNING, 0, "holds passwords that group or others can read");
        assertNoneContaining(all, "Hunter2secret");
        assertTrue(loaded.config().checks().checks().stream().anyMatch(c -> c.name().equals("s3")));
    }
}
