package org.vigil.checks.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.TestChecks;

/** smtp against a scripted fake SMTP server on 127.0.0.1. */
class SmtpCheckTest {

    private static CheckResult smtp(int port) {
        return TestChecks.run(TestChecks.build("smtp",
                Map.of("host", "127.0.0.1", "port", Integer.toString(port), "timeout", "2s", "helo_name", "probe")));
    }

    @Test
    void fullDialogueIsOk() throws IOException {
        try (LineServer s = new LineServer((in, out) -> {
            out.print("220-mail.example ESMTP\r\n220 ready\r\n");
            out.flush();
            String ehlo = LineServer.readLine(in);
            out.print("EHLO probe".equals(ehlo) ? "250-mail.example\r\n250 8BITMIME\r\n" : "500 what\r\n");
            out.flush();
            LineServer.readLine(in);
            out.print("221 bye\r\n");
            out.flush();
        })) {
            CheckResult r = smtp(s.port());
            assertEquals(CheckStatus.OK, r.status(), r::toString);
        }
    }

    @Test
    void unavailableBannerFails() throws IOException {
        try (LineServer s = new LineServer((in, out) -> {
            out.print("554 no service\r\n");
            out.flush();
        })) {
            CheckResult r = smtp(s.port());
            assertEquals(CheckStatus.FAILED, r.status());
            assertTrue(r.summary().contains("554"), r.summary());
        }
    }

    @Test
    void refusedEhloFails() throws IOException {
        try (LineServer s = new LineServer((in, out) -> {
            out.print("220 ready\r\n");
            out.flush();
            LineServer.readLine(in);
            out.print("502 not implemented\r\n");
            out.flush();
        })) {
            assertEquals(CheckStatus.FAILED, smtp(s.port()).status());
        }
    }

    @Test
    void closedPortFails() throws IOException {
        assertEquals(CheckStatus.FAILED, smtp(LineServer.closedPort()).status());
    }
}
