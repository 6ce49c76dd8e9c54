package org.vigil.checks.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.TestChecks;

/** tcp checks against real listeners on 127.0.0.1. */
class TcpCheckTest {

    private static CheckResult tcp(int port, Map<String, String> extra) {
        Map<String, String> o = new java.util.HashMap<>(extra);
        o.put("host", "127.0.0.1");
        o.put("port", Integer.toString(port));
        o.putIfAbsent("timeout", "2s");
        return TestChecks.run(TestChecks.build("tcp", o));
    }

    @Test
    void openPortIsOk() throws IOException {
        try (LineServer s = new LineServer((in, out) -> { })) {
            assertEquals(CheckStatus.OK, tcp(s.port(), Map.of()).status());
        }
    }

    @Test
    void closedPortFails() throws IOException {
        CheckResult r = tcp(LineServer.closedPort(), Map.of());
        assertEquals(CheckStatus.FAILED, r.status(), r::toString);
    }

    @Test
    void sendAndExpect() throws IOException {
        try (LineServer s = new LineServer((in, out) -> {
            String line = LineServer.readLine(in);
            out.print("+" + line + "\r\n");
            out.flush();
        })) {
            assertEquals(CheckStatus.OK, tcp(s.port(), Map.of("send", "PING\\r\\n", "expect", "^\\+PING")).status());
            CheckResult r = tcp(s.port(), Map.of("send", "PING\\r\\n", "expect", "PONG"));
            assertEquals(CheckStatus.FAILED, r.status(), r::toString);
            assertEquals("+PING\r\n", r.detail());
        }
    }

    @Test
    void silentPeerTimesOut() throws IOException, InterruptedException {
        CountDownLatch end = new CountDownLatch(1);
        try (LineServer s = new LineServer((in, out) -> {
            try {
                end.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            CheckResult r = tcp(s.port(), Map.of("expect", "hello", "timeout", "300ms"));
            assertEquals(CheckStatus.TIMEOUT, r.status(), r::toString);
        } finally {
            end.countDown();
        }
    }
}
