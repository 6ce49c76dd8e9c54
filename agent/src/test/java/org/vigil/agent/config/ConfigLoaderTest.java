package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.agent.config.DiagnosticAssertions.assertHas;
import static org.vigil.agent.config.DiagnosticAssertions.assertNone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private FakeHost host = new FakeHost("alpha", "eth0");

    @BeforeEach
    void writeValidConfig() throws IOException {
        write("ha.cf", "node alpha beta\nbcast eth0\nkeepalive 1\ndeadtime 5\ninitdead 10\nauto_failback on\nlogfile /x\n");
        write("authkeys", "auth 1\n1 sha1 secret\n");
        write("haresources", "alpha 10.0.0.10 MailTo::root\n");
        Files.setPosixFilePermissions(dir.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private LoadedConfig load(Optional<String> node) {
        return new ConfigLoader(host).load(ConfigPaths.in(dir), node, ResourceCatalog.standard(dir, host));
    }

    @Test
    void load_validDirectory_hasNoErrorsAndTheLocalNode() {
        LoadedConfig loaded = load(Optional.empty());
        assertFalse(loaded.hasErrors(), DiagnosticAssertions.dump(loaded.diagnostics()));
        assertEquals("alpha", loaded.config().localNode());
        assertEquals(1, loaded.config().haResources().groups().size());
    }

    @Test
    void load_readableAuthkeys_isRefusedWithTheChmod() throws IOException {
        Files.setPosixFilePermissions(dir.resolve("authkeys"), PosixFilePermissions.fromString("rw-r--r--"));
        Diagnostic d = assertHas(load(Optional.empty()).diagnostics(), Severity.ERROR, 0, "bad permissions [0644]");
        assertEquals("run: chmod 600 " + dir.resolve("authkeys"), d.suggestion());
    }

    @Test
    void load_groupWritableAuthkeys_isAlsoRefused() throws IOException {
        Files.setPosixFilePermissions(dir.resolve("authkeys"), PosixFilePermissions.fromString("rw--w----"));
        assertHas(load(Optional.empty()).diagnostics(), Severity.ERROR, 0, "bad permissions [0620]");
    }

    @Test
    void load_localNodeNotConfigured_isAnError_andNodeOptionOverrides() {
        host = new FakeHost("gamma", "eth0");
        assertHas(load(Optional.empty()).diagnostics(), Severity.ERROR, 0, "this node [gamma] is not in the configuration");
        LoadedConfig withOption = load(Optional.of("BETA"));
        assertEquals("beta", withOption.config().localNode());
        assertFalse(withOption.hasErrors());
        Diagnostic d = assertHas(load(Optional.of("alpah")).diagnostics(), Severity.ERROR, 0, "--node [alpah]");
        assertEquals("did you mean alpha?", d.suggestion());
    }

    @Test
    void load_nodeinfoOverridesUname() throws IOException {
        host = new FakeHost("gamma", "eth0");
        write("nodeinfo", "Beta\n");
        assertEquals("beta", load(Optional.empty()).config().localNode());
    }

    @Test
    void load_haresourcesNodes_compareWithoutCase_andUnknownNodesAreErrors() throws IOException {
        write("haresources", "ALPHA 10.0.0.10\nbetta 10.0.0.11\n");
        List<Diagnostic> found = load(Optional.empty()).diagnostics();
        assertHas(found, Severity.NOTE, 1, "node names compare without case");
        Diagnostic d = assertHas(found, Severity.ERROR, 2, "bad node name [betta]");
        assertEquals("did you mean beta?", d.suggestion());
    }

    @Test
    void load_sameKeyTwice_isAnError() throws IOException {
        write("haresources", "alpha 10.0.0.10 httpd\nbeta 10.0.0.10 httpd\n");
        assertHas(load(Optional.empty()).diagnostics(), Severity.ERROR, 2, "group key [10.0.0.10] is also the key of the group on line 1");
    }

    @Test
    void load_oneAddressOrResourceInTwoGroups_isAConflict() throws IOException {
        write("haresources", "alpha 10.0.0.10 httpd\nbeta IPaddr2::10.0.0.10/24 mysql\nbeta 10.0.0.12 httpd\n");
        List<Diagnostic> found = load(Optional.empty()).diagnostics();
        assertHas(found, Severity.ERROR, 2, "address [10.0.0.10] is also in the group on line 1");
        assertHas(found, Severity.ERROR, 3, "resource [httpd] is also in the group on line 1");
    }

    @Test
    void load_oneIpv6AddressInTwoSpellings_isAConflict() throws IOException {
        write("haresources", "alpha IPv6addr::2001:db8::10/64 httpd\nbeta IPaddr2::2001:db8:0:0:0:0:0:10/64 mysql\n");
        List<Diagnostic> found = load(Optional.empty()).diagnostics();
        assertHas(found, Severity.ERROR, 2, "address [2001:db8:0:0:0:0:0:10] is also in the group on line 1");
    }

    @Test
    void load_pingNodeHoldingResources_isAnError() throws IOException {
        write("ha.cf", "node alpha beta\nbcast eth0\nping 10.0.0.1\nauto_failback on\nlogfile /x\n");
        write("haresources", "10.0.0.1 10.0.0.10\n");
        assertHas(load(Optional.empty()).diagnostics(), Severity.ERROR, 1, "is a ping node");
    }

    @Test
    void load_missingFiles_areReportedOnce_withoutCascades() throws IOException {
        Files.delete(dir.resolve("ha.cf"));
        Files.delete(dir.resolve("haresources"));
        LoadedConfig loaded = load(Optional.empty());
        assertHas(loaded.diagnostics(), Severity.ERROR, 0, "cannot read: no such file");
        assertHas(loaded.diagnostics(), Severity.NOTE, 0, "no haresources file");
        assertEquals(1, loaded.count(Severity.ERROR), DiagnosticAssertions.dump(loaded.diagnostics()));
    }

    @Test
    void load_binaryGarbage_givesDiagnosticsNotExceptions() throws IOException {
        Files.write(dir.resolve("ha.cf"), new byte[] {0, (byte) 0xff, 10, 'n', 'o', 'd', 'e', 0, 10});
        LoadedConfig loaded = load(Optional.empty());
        assertTrue(loaded.hasErrors());
        assertNone(loaded.diagnostics().stream().filter(d -> d.line() > 3).toList(), Severity.ERROR);
    }
}
