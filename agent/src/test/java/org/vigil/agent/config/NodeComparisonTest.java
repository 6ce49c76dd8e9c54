package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.agent.config.DiagnosticAssertions.assertHas;
import static org.vigil.agent.config.DiagnosticAssertions.assertNoneContaining;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeComparisonTest {

    @TempDir
    Path root;

    private final FakeHost host = new FakeHost("a", "eth0");

    private ClusterConfig node(String name, String hacf, String authkeys, String haresources) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("ha.cf"), hacf);
        Files.writeString(dir.resolve("authkeys"), authkeys);
        Files.setPosixFilePermissions(dir.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("haresources"), haresources);
        return new ConfigLoader(host).load(ConfigPaths.in(dir), Optional.of("a"), ResourceCatalog.standard(dir, host)).config();
    }

    private static final String HACF = "node a b\nbcast eth0\nkeepalive 1\ndeadtime 5\nauto_failback on\nlogfile /x\n";
    private static final String KEYS = "auth 1\n1 sha1 same\n";
    private static final String GROUPS = "a 10.0.0.1 MailTo::root\n";

    @Test
    void identicalNodes_haveNoDifferences() throws IOException {
        assertEquals(List.of(), NodeComparison.compare(node("a", HACF, KEYS, GROUPS), node("b", HACF.replace("logfile /x", "logfile /y"), KEYS, GROUPS)));
    }

    @Test
    void differingTimingsAndFailback_areWarningsOnOurLines() throws IOException {
        List<Diagnostic> found = NodeComparison.compare(node("a", HACF, KEYS, GROUPS),
                node("b", HACF.replace("deadtime 5", "deadtime 10").replace("auto_failback on", "auto_failback off"), KEYS, GROUPS));
        assertHas(found, Severity.WARNING, 4, "deadtime differs between the nodes: [5] here, [10]");
        assertHas(found, Severity.WARNING, 5, "auto_failback differs between the nodes: [on] here, [off]");
    }

    @Test
    void differentKeys_areErrors_withoutPrintingThem() throws IOException {
        List<Diagnostic> found = NodeComparison.compare(node("a", HACF, KEYS, GROUPS), node("b", HACF, "auth 1\n1 sha1 other\n", GROUPS));
        assertHas(found, Severity.ERROR, 0, "key 1 (sha1) differs from the peer's key 1 (sha1)");
        assertNoneContaining(found, "same");
        assertNoneContaining(found, "other\"");
    }

    @Test
    void differentHaresources_isAWarningOnTheFirstDifferentGroup() throws IOException {
        List<Diagnostic> found = NodeComparison.compare(node("a", HACF, KEYS, GROUPS + "b 10.0.0.2\n"),
                node("b", HACF, KEYS, GROUPS + "b 10.0.0.3\n"));
        assertHas(found, Severity.WARNING, 2, "group 2 is [b IPaddr::10.0.0.2] here, [b IPaddr::10.0.0.3] there");
    }
}
