package org.vigil.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.config.FakeHost;

/**
 * The configurations real users wrote (src/test/resources/field-configs, see its README), checked
 * the way a user would: each expectation of the README is asserted. The machine is a fake with no
 * network interfaces, so interface warnings do not depend on where the test runs.
 */
class FieldConfigsIT {

    @TempDir
    static Path root;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Git keeps no file modes: copy the sets and make authkeys private, as the README says. */
    @BeforeAll
    static void copyFieldConfigs() throws IOException {
        Path source = Path.of("src/test/resources/field-configs");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = root.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    if (to.getFileName().toString().equals("authkeys")) {
                        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        }
    }

    private record Result(int exit, JsonNode json) {

        List<String> diagnostics() {
            List<String> out = new ArrayList<>();
            json.get("diagnostics").forEach(d -> out.add(d.get("severity").asText() + " " + d.get("file").asText()
                    .replaceAll(".*/", "") + ":" + d.get("line").asInt() + " " + d.get("message").asText() + " | "
                    + d.get("suggestion").asText()));
            return out;
        }

        boolean has(String severity, String file, int line, String... fragments) {
            return diagnostics().stream().anyMatch(d -> d.startsWith(severity + " " + file + ":" + line + " ")
                    && Stream.of(fragments).allMatch(d::contains));
        }

        JsonNode cluster() {
            return json.get("cluster");
        }

        List<String> resourceNames(int group) {
            List<String> names = new ArrayList<>();
            cluster().get("groups").get(group).get("resources").forEach(r -> names.add(r.get("name").asText()));
            return names;
        }
    }

    private static Result check(String set, String node, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("check-config", "--json", "--config-dir", root.resolve(set).toString(),
                "--node", node));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = VigilCommand.commandLine(new FakeHost("not-a-cluster-node"));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args.toArray(String[]::new));
        assertEquals("", err.toString(), "nothing on stderr for a configuration problem");
        return new Result(exit, JSON.readTree(out.toString()));
    }

    @Test
    void labo3_loads_withAPingNodeAndALabelledIPaddr() throws IOException {
        Result r = check("seed-labo3", "debian1");
        assertEquals(0, r.exit(), String.join("\n", r.diagnostics()));
        assertEquals("10.3.2.1", r.cluster().get("pingNodes").get(0).get("name").asText());
        assertFalse(r.cluster().get("pingNodes").get(0).get("group").asBoolean());
        JsonNode ip = r.cluster().get("groups").get(0).get("resources").get(0);
        assertEquals("IPaddr", ip.get("name").asText());
        assertEquals("10.3.2.50/8/eth0:0", ip.get("args").get(0).asText());
        assertEquals("on", r.cluster().get("autoFailback").asText());
    }

    @Test
    void centraleNantes_loads_withTwoLinks_crcWarning_andTheFullOrder() throws IOException {
        Result r = check("seed-centrale-nantes", "serv-a");
        assertEquals(0, r.exit(), String.join("\n", r.diagnostics()));
        JsonNode links = r.cluster().get("links");
        assertEquals(2, links.size());
        assertEquals("bcast", links.get(0).get("type").asText());
        assertEquals("serial", links.get(1).get("type").asText());
        assertEquals("/dev/ttyS0", links.get(1).get("device").asText());
        assertTrue(r.has("warning", "authkeys", 2, "[crc] authenticates nothing"), String.join("\n", r.diagnostics()));
        assertEquals(List.of("drbddisk", "Filesystem", "IPaddr2", "cyrus", "mysql-debian", "MailTo"), r.resourceNames(0));
    }

    @Test
    void centraleNantes_testLine_loads() throws IOException {
        Result r = check("seed-centrale-nantes", "serv-a", "--haresources",
                root.resolve("seed-centrale-nantes/haresources.test").toString());
        assertEquals(0, r.exit(), String.join("\n", r.diagnostics()));
        assertEquals(List.of("IPaddr2", "apache2"), r.resourceNames(0));
    }

    @Test
    void centraleNantes_mysqlLine_reportsBothTyposWithLineAndSuggestion() throws IOException {
        Result r = check("seed-centrale-nantes", "serv-a", "--haresources",
                root.resolve("seed-centrale-nantes/haresources.mysql").toString());
        assertEquals(1, r.exit());
        String all = String.join("\n", r.diagnostics());
        assertTrue(r.has("error", "haresources.mysql", 1, "unknown resource [Ipaddr2]", "did you mean IPaddr2?"), all);
        assertTrue(r.has("error", "haresources.mysql", 1, "mount point [user] is a relative path", "did you mean /user?"), all);
        assertEquals(2, r.json().get("errors").asInt(), all);
    }

    @Test
    void btsSio2_loads_withMd5KeyOneActive_andFailbackOff() throws IOException {
        Result r = check("seed-bts-sio2", "srv1");
        assertEquals(0, r.exit(), String.join("\n", r.diagnostics()));
        JsonNode auth = r.cluster().get("auth");
        assertEquals(1, auth.get("activeIndex").asInt());
        assertEquals("md5", auth.get("method").asText());
        assertEquals(2, auth.get("keys").size());
        assertEquals("crc", auth.get("keys").get(1).get("method").asText());
        assertEquals("off", r.cluster().get("autoFailback").asText());
        assertTrue(r.has("warning", "authkeys", 2, "written in quotes"), String.join("\n", r.diagnostics()));
        assertFalse(r.json().toString().contains("123456"), "the key never appears");
    }

    @Test
    void doritiqueS1_refusesTheTiming_andExplainsEveryPoint() throws IOException {
        Result r = check("seed-doritique-s1", "s1.domain");
        assertDoritique(r, 12, "off");
    }

    @Test
    void doritiqueS2_refusesTheTiming_andExplainsEveryPoint() throws IOException {
        Result r = check("seed-doritique-s2", "s2.domain");
        assertDoritique(r, 9, "on");
    }

    @Test
    void doritique_comparingTheTwoNodes_explainsWhatDiffers() throws IOException {
        Result r = check("seed-doritique-s1", "s1.domain", "--compare", root.resolve("seed-doritique-s2").toString());
        String all = String.join("\n", r.diagnostics());
        assertTrue(r.has("warning", "ha.cf", 12, "nice_failback differs between the nodes: [off] here, [on]",
                "both mean auto_failback legacy"), all);
        assertEquals(1, r.diagnostics().stream().filter(d -> d.contains("differs")).count(), all);
    }

    private static void assertDoritique(Result r, int niceFailbackLine, String niceFailbackValue) {
        String all = String.join("\n", r.diagnostics());
        assertEquals(1, r.exit(), all);
        assertTrue(r.has("error", "ha.cf", 5, "deadtime [10000 ms] must be more than twice keepalive [5000 ms]",
                "Dead time [10000] is too small compared to keeplive [5000]", "deadtime 15"), all);
        assertTrue(r.has("note", "ha.cf", 3, "keepalive [5000 ms] is set here"), all);
        assertTrue(r.has("warning", "ha.cf", niceFailbackLine, "nice_failback [" + niceFailbackValue + "] is obsolete",
                "auto_failback legacy"), all);
        assertTrue(r.has("note", "haresources", 2, "[S1.domain] is node [s1.domain]", "compare without case"), all);
        assertTrue(r.has("error", "haresources", 3, "group key [160.133.100.254] is also the key of the group on line 2",
                "identical on every node"), all);
        assertEquals(2, r.json().get("errors").asInt(), all);
    }

    /** The launcher as a user runs it after a clone: bin/vigil builds if needed and checks. */
    @Test
    void launcher_checksAFieldConfig_endToEnd() throws Exception {
        Path launcher = Path.of("..", "bin", "vigil").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(launcher.toString(), "check-config", "--config-dir",
                root.resolve("seed-doritique-s1").toString(), "--node", "s1.domain")
                .redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("seed-doritique-s1/ha.cf:5: error: deadtime [10000 ms] must be more than twice keepalive"), out);
        assertTrue(out.contains("2 errors"), out);
    }

    /** The README's main-job command: with nothing configured, the demo checks the bundled example. */
    @Test
    void launcher_demo_checksTheBundledExampleCleanly() throws Exception {
        Path launcher = Path.of("..", "bin", "vigil").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(launcher.toString(), "demo").start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Cluster linux-ha, local node alpha"), out);
        assertTrue(out.contains("0 errors"), out);
        assertTrue(out.contains("seen: alpha and beta declare gamma dead"), out);
        assertTrue(out.contains("demo complete: every step happened as expected"), out);
    }
}
