package org.vigil.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.config.FakeHost;
import org.vigil.agent.health.CheckState;
import org.vigil.agent.health.HealthStatus;
import org.vigil.agent.health.StatusFile;
import picocli.CommandLine;

/** {@code vigil checks} and {@code vigil checks run}, in process, against a real local HTTP server. */
class ChecksCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer http;

    @BeforeEach
    void serverAndConfig() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/ok", ex -> reply(ex, 200, "fine\n"));
        http.createContext("/broken", ex -> reply(ex, 503, "down for maintenance\n"));
        http.start();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        Files.writeString(dir.resolve("ha.cf"), "node a b\nbcast eth0\nkeepalive 1\ndeadtime 5\n");
        Files.writeString(dir.resolve("haresources"), "a 10.0.0.10 MailTo::root\n");
        Files.writeString(dir.resolve("checks"), "watch 10.0.0.10\n"
                + "  service web\n    monitor http url=" + base + "/ok timeout=3s\n"
                + "  service broken\n    monitor http url=" + base + "/broken status=200 timeout=3s\n"
                + "  service db\n    monitor mysql user=monitor password=Pa55word-x port=1 timeout=2s\n");
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private int run(String... args) {
        CommandLine cli = VigilCommand.commandLine(new FakeHost("a", "eth0"));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private int runCheck(String name) {
        return run("checks", "run", "--config-dir", dir.toString(), "--node", "a", name);
    }

    @Test
    void run_passingCheck_exitsZero_withStatusSummaryAndDuration() {
        assertEquals(0, runCheck("web"), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("web (http, group 10.0.0.10): OK\n"), text);
        assertTrue(text.contains("summary:  HTTP 200 from "), text);
        assertTrue(text.matches("(?s).*duration: \\d+ ms\n.*"), text);
    }

    @Test
    void run_failingCheck_exitsOne_withTheReason() {
        assertEquals(1, runCheck("broken"), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("broken (http, group 10.0.0.10): FAILED\n"), text);
        assertTrue(text.contains("HTTP 503"), text);
    }

    @Test
    void run_checkWithAPassword_neverPrintsIt() {
        assertEquals(1, runCheck("db")); // nothing listens on port 1
        assertTrue(out.toString().startsWith("db (mysql, group 10.0.0.10): FAILED"), out.toString());
        assertFalse((out.toString() + err).contains("Pa55word"), out.toString() + err);
    }

    @Test
    void run_unknownName_exitsTwo_withASuggestion() {
        assertEquals(2, runCheck("wbe"));
        assertTrue(err.toString().contains("no check [wbe] in " + dir.resolve("checks") + "; did you mean web?"),
                err.toString());
        assertEquals(2, runCheck("nothing-like-it"));
        assertTrue(err.toString().contains("its checks: web, broken, db"), err.toString());
        assertEquals(2, run("checks", "run", "--config-dir", dir.resolve("nope").toString(), "web"));
        assertEquals(2, run("checks", "run"));
        assertFalse((out.toString() + err).contains("Pa55word"));
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void status_withoutAFile_saysTheAgentIsNotRunning() {
        assertEquals(1, run("checks", "--state-dir", dir.toString()));
        assertTrue(err.toString().contains("no check status in " + dir.resolve("checks.json")
                + ": the agent is not running"), err.toString());
    }

    @Test
    void status_printsATableOfTheFile() throws IOException {
        StatusFile.write(dir.resolve(StatusFile.NAME), new HealthStatus(ProcessHandle.current().pid(), T0, List.of(
                new CheckState("web", "10.0.0.10", "http", "FAILED", "DOWN", "HTTP 503 from http://x/", T0.plusSeconds(5),
                        T0.plusSeconds(3), 4, 4, true, null, 9, 0),
                new CheckState("db", "10.0.0.20", "mysql", "OK", "UP", "ping answered", T0, T0, 0, 0, false, null, 1, 0))));
        assertEquals(0, run("checks", "--state-dir", dir.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals("NAME  GROUP      TYPE   STATUS                    LAST RESULT              LAST CHANGE"
                + "           FAILURES", lines.get(0));
        assertEquals("web   10.0.0.10  http   FAILED, down, ineligible  HTTP 503 from http://x/  2026-11-23T06:00:03Z"
                + "  4", lines.get(1));
        assertTrue(lines.get(2).startsWith("db    10.0.0.20  mysql  OK "), lines.get(2));
        assertEquals("This node is ineligible for group 10.0.0.10 because of check web, until an operator clears it.",
                lines.get(3));
    }

    @Test
    void status_ofAnAgentThatIsGone_saysSoAndExitsOne() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        StatusFile.write(dir.resolve(StatusFile.NAME), new HealthStatus(p.pid(), T0, List.of()));
        assertEquals(1, run("checks", "--state-dir", dir.toString()));
        assertTrue(out.toString().contains("(pid " + p.pid() + ") is not running: this is the state as of "
                + "2026-11-23T06:00:00Z"), out.toString());
    }
}
