package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.agent.config.DiagnosticAssertions.assertHas;
import static org.vigil.agent.config.DiagnosticAssertions.assertNone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaResourcesParserTest {

    @TempDir
    Path scripts;

    private final Diagnostics diagnostics = new Diagnostics();

    /** resource-agents' send_ua is installed unless a test says otherwise. */
    private FakeHost host = new FakeHost("a").withFile(HelperPrograms.SEND_UA.get(0));

    private HaResources parse(String text) {
        ResourceCatalog catalog = new ResourceCatalog(List.of(scripts), List.of(scripts.resolve("ocf")), host);
        return HaResourcesParser.parse("haresources", text, diagnostics, catalog);
    }

    private List<Diagnostic> found() {
        return diagnostics.sorted();
    }

    @Test
    void parse_fullLine_keepsOrderArgumentsAndKey() throws IOException {
        Files.createFile(scripts.resolve("httpd"));
        HaResources r = parse("node1 10.0.0.170 Filesystem::/dev/sda1::/data1::ext2 httpd\n");
        ResourceGroup g = r.groups().get(0);
        assertEquals("node1", g.node());
        assertEquals("10.0.0.170", g.key());
        assertEquals(List.of("IPaddr", "Filesystem", "httpd"), g.resources().stream().map(ResourceSpec::name).toList());
        assertEquals(List.of("10.0.0.170"), g.resources().get(0).args());
        assertEquals(List.of("/dev/sda1", "/data1", "ext2"), g.resources().get(1).args());
        assertEquals(ResourceCatalog.Kind.SCRIPT, g.resources().get(2).resolution().kind());
        assertEquals(List.of(), found());
    }

    @Test
    void parse_continuationAndCommentsAndSeveralGroups() {
        HaResources r = parse("# groups\nA 10.0.0.1 \\\n   MailTo::root # mail\nb IPaddr2::10.0.0.2/24/eth0:web\n");
        assertEquals(2, r.groups().size());
        assertEquals("a", r.groups().get(0).node());
        assertEquals("A", r.groups().get(0).nodeAsWritten());
        assertEquals(2, r.groups().get(0).line());
        assertEquals(2, r.groups().get(0).resources().size());
        assertEquals(4, r.groups().get(1).line());
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_nameOneEditFromABuiltin_isAnErrorWithTheSuggestion() {
        parse("a Ipaddr2::10.0.0.1/24/eth0\nb Filesytem::/dev/sda1::/data\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 1, "unknown resource [Ipaddr2]");
        assertEquals("did you mean IPaddr2?", d.suggestion());
        assertHas(found(), Severity.ERROR, 2, "unknown resource [Filesytem]");
    }

    @Test
    void parse_missingScript_isAWarning() {
        parse("a 10.0.0.1 cyrus\n");
        assertHas(found(), Severity.WARNING, 1, "resource script [cyrus] not found on this machine");
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_ocfAgent_isResolvedAfterScripts() throws IOException {
        Files.createDirectories(scripts.resolve("ocf"));
        Files.createFile(scripts.resolve("ocf/apache"));
        HaResources r = parse("a apache\n");
        assertEquals(ResourceCatalog.Kind.OCF, r.groups().get(0).resources().get(0).resolution().kind());
    }

    @Test
    void parse_filesystemRelativeMountPoint_isAnErrorWithTheAbsolutePath() {
        parse("a Filesystem::/dev/drbd0::user::ext3\n");
        Diagnostic d = assertHas(found(), Severity.ERROR, 1, "mount point [user] is a relative path");
        assertEquals("did you mean /user? (Filesystem::/dev/drbd0::/user::ext3)", d.suggestion());
    }

    @Test
    void parse_ipaddrArguments_areChecked() {
        parse("a IPaddr::10.0.0.300\nb IPaddr2::10.0.0.1/33\nc IPaddr::10.0.0.1/24/10.0.0.255\nd IPaddr2::10.0.0.2/24/eth0:0\n");
        assertHas(found(), Severity.ERROR, 1, "address [10.0.0.300] is not an IPv4 address");
        assertHas(found(), Severity.ERROR, 2, "netmask [33]");
        assertEquals(2, found().stream().filter(x -> x.severity() == Severity.ERROR).count());
    }

    @Test
    void parse_ipv6addr_compressedAddressIsOneArgument_withAWarningForHeartbeatNodes() {
        HaResources r = parse("a IPv6addr::2001:db8::10/64/eth0 apache2\n");
        ResourceSpec address = r.groups().get(0).resources().get(0);
        assertEquals("IPv6addr", address.name());
        assertEquals(List.of("2001:db8::10/64/eth0"), address.args());
        assertEquals("IPv6addr::2001:db8::10/64/eth0", r.groups().get(0).key());
        Diagnostic d = assertHas(found(), Severity.WARNING, 1, "Heartbeat 3.0.6 splits [IPv6addr::2001:db8::10/64/eth0]");
        assertEquals("if Heartbeat nodes share this file, write IPv6addr::2001:db8:0:0:0:0:0:10/64/eth0", d.suggestion());
        assertNone(found(), Severity.ERROR);
    }

    @Test
    void parse_ipv6WrittenOut_orInIpaddr2_isAcceptedWithoutWarnings() {
        HaResources r = parse("a IPv6addr::2001:db8:0:0:0:0:0:10/64\nb IPaddr2::fd00:1:2:3:0:0:0:9/64/eth1\n");
        assertEquals(List.of("fd00:1:2:3:0:0:0:9/64/eth1"), r.groups().get(1).resources().get(0).args());
        assertEquals(List.of(), found());
    }

    @Test
    void parse_ipv6Mistakes_areExplained() {
        parse("a 2001:db8::10/64\nb IPaddr::2001:db8::11\nc IPaddr2::2001:db8:0:0:0:0:0:12/129\nd IPv6addr::10.0.0.1\n"
                + "e IPv6addr::fe80:0:0:0:0:0:0:1/64/eth0\nf IPv6addr::2001:db8:0:0:0:0:0:13/64/eth0:1\n"
                + "g IPv6addr::2001:db8:0:0:0:0:0:14/64/eth0/x\nh IPv6addr::\n");
        assertEquals("write IPv6addr::2001:db8::10/64", assertHas(found(), Severity.ERROR, 1, "bare IPv6 address").suggestion());
        assertEquals("write IPv6addr::2001:db8::11 or IPaddr2::2001:db8::11",
                assertHas(found(), Severity.ERROR, 2, "IPaddr (ifconfig aliases) is IPv4 only").suggestion());
        assertHas(found(), Severity.ERROR, 3, "prefix length [129] must be from 1 to 128");
        assertEquals("use IPaddr2 for IPv4 addresses", assertHas(found(), Severity.ERROR, 4, "is not an IPv6 address").suggestion());
        assertHas(found(), Severity.ERROR, 5, "is link-local");
        assertHas(found(), Severity.ERROR, 6, "IPv6 addresses take no label");
        assertHas(found(), Severity.ERROR, 7, "too many '/' parts");
        assertHas(found(), Severity.ERROR, 8, "empty name or argument");
        assertEquals(8, found().stream().filter(x -> x.severity() == Severity.ERROR).count());
    }

    @Test
    void parse_ipv6WithoutSendUa_warnsThatClientsWillNotBeMoved() {
        HelperPrograms.SEND_UA.forEach(host::withoutFile);
        parse("a IPv6addr::2001:db8:0:0:0:0:0:10/64\nb IPaddr2::10.0.0.1/24\n");
        Diagnostic d = assertHas(found(), Severity.WARNING, 1, "send_ua not found on this machine");
        assertEquals("install the resource-agents package on the cluster nodes", d.suggestion());
        assertEquals(1, found().size(), "IPv4 needs no send_ua: " + found());
    }

    @Test
    void parse_aScriptNamedLikeHexIsNotABareAddress() throws IOException {
        Files.createFile(scripts.resolve("cafe"));
        HaResources r = parse("a cafe::1\n");
        assertEquals(List.of("1"), r.groups().get(0).resources().get(0).args());
        assertEquals(List.of(), found());
    }

    @Test
    void parse_mailToAndDrbddisk_areChecked() {
        parse("a MailTo::root,ops@example.org::Cluster\nb MailTo::a b\nc drbddisk::r0::x\n");
        assertHas(found(), Severity.ERROR, 3, "drbddisk takes one argument");
        assertEquals(1, found().stream().filter(x -> x.severity() == Severity.ERROR).count());
    }

    @Test
    void parse_nodeWithoutResources_orEmptyArgument_isAnError() {
        parse("lonely\na MailTo::::x\nb IPaddr::::x\n");
        assertHas(found(), Severity.ERROR, 1, "node [lonely] has no resources");
        assertHas(found(), Severity.ERROR, 2, "has an empty name or argument");
        assertHas(found(), Severity.ERROR, 3, "IPaddr address [::x] is not an IPv4 address");
    }
}
