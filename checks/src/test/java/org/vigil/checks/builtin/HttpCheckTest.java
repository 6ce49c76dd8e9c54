package org.vigil.checks.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.TestChecks;

/** http checks against the JDK's HTTP server on 127.0.0.1 (ephemeral port). */
class HttpCheckTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", ex -> reply(ex, 200, "hello vigil world"));
        server.createContext("/broken", ex -> reply(ex, 500, "oops"));
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/ok");
            reply(ex, 302, "");
        });
        server.createContext("/header", ex ->
                reply(ex, "yes".equals(ex.getRequestHeaders().getFirst("X-Probe")) ? 200 : 400, ""));
        server.createContext("/slow", ex -> {
            try {
                // the handler (not the test) waits: released when the test ends
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "late");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private CheckResult check(Map<String, String> extra) {
        Map<String, String> o = new java.util.HashMap<>(extra);
        o.putIfAbsent("timeout", "2s");
        return TestChecks.run(TestChecks.build("http", o));
    }

    @Test
    void status200IsOk() {
        CheckResult r = check(Map.of("url", base + "/ok"));
        assertEquals(CheckStatus.OK, r.status(), r::toString);
        assertTrue(r.summary().contains("HTTP 200"));
    }

    @Test
    void status500Fails() {
        CheckResult r = check(Map.of("url", base + "/broken"));
        assertEquals(CheckStatus.FAILED, r.status());
        assertTrue(r.summary().contains("HTTP 500"), r.summary());
        assertEquals("oops", r.detail());
    }

    @Test
    void redirectIsOkByDefaultButNotWith2xxOnly() {
        assertEquals(CheckStatus.OK, check(Map.of("url", base + "/moved")).status());
        assertEquals(CheckStatus.FAILED, check(Map.of("url", base + "/moved", "status", "200-299")).status());
    }

    @Test
    void expectedStatusCanBeAnError() {
        assertEquals(CheckStatus.OK, check(Map.of("url", base + "/broken", "status", "500")).status());
    }

    @Test
    void bodyRegexMatchAndMismatch() {
        assertEquals(CheckStatus.OK, check(Map.of("url", base + "/ok", "regex", "vigil\\s+w")).status());
        CheckResult r = check(Map.of("url", base + "/ok", "regex", "^goodbye"));
        assertEquals(CheckStatus.FAILED, r.status());
        assertTrue(r.summary().contains("does not match"), r.summary());
    }

    @Test
    void headersAreSent() {
        assertEquals(CheckStatus.FAILED, check(Map.of("url", base + "/header")).status());
        assertEquals(CheckStatus.OK, check(Map.of("url", base + "/header", "header.X-Probe", "yes")).status());
    }

    @Test
    void slowServerTimesOutWithinTheDeadline() {
        long t0 = System.nanoTime();
        CheckResult r = check(Map.of("url", base + "/slow", "timeout", "400ms"));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(CheckStatus.TIMEOUT, r.status(), r::toString);
        assertTrue(took.compareTo(Duration.ofMillis(1400)) < 0, "took " + took);
    }

    @Test
    void silentServerTimesOut() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, never answer
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long t0 = System.nanoTime();
            CheckResult r = check(Map.of("url", "http://127.0.0.1:" + silent.getLocalPort() + "/", "timeout", "400ms"));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertEquals(CheckStatus.TIMEOUT, r.status(), r::toString);
            assertTrue(took.compareTo(Duration.ofMillis(1400)) < 0, "took " + took);
        }
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void refusedConnectionFails() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CheckResult r = check(Map.of("url", "http://127.0.0.1:" + port + "/"));
        assertEquals(CheckStatus.FAILED, r.status(), r::toString);
    }
}
