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
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.config.FakeHost;
import picocli.CommandLine;

class CheckConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        Files.writeString(dir.resolve("ha.cf"), "node a b\nbcast eth0\nkeepalive 1\ndeadtime 5\ninitdead 10\n"
                + "auto_failback on\nlogfile /var/log/ha-log\n");
        Files.writeString(dir.resolve("authkeys"), "auth 1\n1 sha1 topsecret\n");
        Files.setPosixFilePermissions(dir.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("haresources"), "a 10.0.0.10 MailTo::root\n");
    }

    private int run(String... args) {
        CommandLine cli = VigilCommand.commandLine(new FakeHost("a", "eth0"));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void validConfig_exitsZero_andSummarises() {
        assertEquals(0, run("check-config", "--config-dir", dir.toString()));
        String text = out.toString();
        assertTrue(text.contains("Cluster linux-ha, local node a"), text);
        assertTrue(text.contains("bcast eth0 udp/694"), text);
        assertTrue(text.contains("keepalive 1000 ms, deadtime 5000 ms"), text);
        assertTrue(text.contains("1. a: IPaddr::10.0.0.10 -> MailTo::root"), text);
        assertTrue(text.contains("0 errors, 0 warnings"), text);
        assertFalse(text.contains("topsecret"));
    }

    @Test
    void errors_exitOne_withFileLineDiagnostics() throws IOException {
        Files.writeString(dir.resolve("haresources"), "a Ipaddr2::10.0.0.10\n");
        assertEquals(1, run("check-config", "--config-dir", dir.toString()));
        assertTrue(out.toString().contains(dir.resolve("haresources") + ":1: error: unknown resource [Ipaddr2]"
                + ": no such built-in resource or script; did you mean IPaddr2?"), out.toString());
    }

    @Test
    void unusableArguments_exitTwo_withoutAStackTrace() {
        assertEquals(2, run("check-config", "--config-dir", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("is not a directory"), err.toString());
        assertEquals(2, run("check-config", "--no-such-option"));
        assertEquals(2, run("check-config", "--node", "bad name!", "--config-dir", dir.toString()));
        assertEquals(2, run("check-config", "--config-dir"));
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void json_isValidJsonWithTheSameContent() throws IOException {
        Files.writeString(dir.resolve("haresources"), "a Ipaddr2::10.0.0.10\nb 10.0.0.11 MailTo::\"odd\\user\n");
        assertEquals(1, run("check-config", "--json", "--config-dir", dir.toString()));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertFalse(root.get("valid").asBoolean());
        assertEquals(1, root.get("errors").asInt());
        JsonNode first = root.get("diagnostics").get(0);
        assertEquals(1, first.get("line").asInt());
        assertEquals("error", first.get("severity").asText());
        assertEquals("did you mean IPaddr2?", first.get("suggestion").asText());
        JsonNode cluster = root.get("cluster");
        assertEquals("a", cluster.get("localNode").asText());
        assertEquals(5000, cluster.get("timing").get("deadtimeMs").asInt());
        assertEquals("sha1", cluster.get("auth").get("method").asText());
        assertEquals("MailTo::\"odd\\user", cluster.get("groups").get(0).get("resources").get(1).get("text").asText());
        assertFalse(out.toString().contains("topsecret"));
    }

    @Test
    void alternativeFiles_replaceTheDefaults() throws IOException {
        Path other = dir.resolve("haresources.test");
        Files.writeString(other, "b 10.0.0.20\n");
        assertEquals(0, run("check-config", "--config-dir", dir.toString(), "--haresources", other.toString()));
        assertTrue(out.toString().contains("1. b: IPaddr::10.0.0.20"), out.toString());
    }

    @Test
    void resourceDirOption_findsScriptsThere() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.createFile(scripts.resolve("myservice"));
        Files.writeString(dir.resolve("haresources"), "a 10.0.0.10 myservice\n");
        assertEquals(0, run("check-config", "--config-dir", dir.toString(), "--resource-dir", scripts.toString()));
        assertFalse(out.toString().contains("not found"), out.toString());
    }

    @Test
    void version_andHelp_work() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("vigil "), out.toString());
        assertEquals(0, run("check-config", "--help"));
        assertTrue(out.toString().contains("--config-dir"), out.toString());
    }
}
