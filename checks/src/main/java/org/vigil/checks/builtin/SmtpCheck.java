package org.vigil.checks.builtin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;
import org.vigil.checks.Durations;

/**
 * Type {@code smtp} (mon's smtp.monitor, keepalived's SMTP_CHECK): read the 220 banner, say
 * EHLO and expect 250, say QUIT and expect 221. Multi-line replies ({@code 250-...}) are read to
 * their last line.
 */
final class SmtpCheck extends AbstractCheck {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final String heloName;

    private SmtpCheck(String name, Duration timeout, String host, int port, Duration connectTimeout,
            String heloName) {
        super(name, "smtp", timeout);
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.heloName = heloName;
    }

    static SmtpCheck create(String name, CheckOptions o) {
        Duration timeout = o.timeout();
        return new SmtpCheck(name, timeout, o.required("host"), o.integer("port", 25, 1, 65535),
                o.duration("connect_timeout", timeout), o.string("helo_name", "localhost"));
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String where = host + ":" + port;
        try (LineSocket s = LineSocket.connect(host, port, connectTimeout, ctx)) {
            String banner = reply(s);
            if (!banner.startsWith("220")) {
                return CheckResult.failed(where + " greeted with: " + banner);
            }
            s.write("EHLO " + heloName + "\r\n");
            String ehlo = reply(s);
            if (!ehlo.startsWith("250")) {
                return CheckResult.failed(where + " refused EHLO: " + ehlo, banner);
            }
            s.write("QUIT\r\n");
            String quit = reply(s);
            if (!quit.startsWith("221")) {
                return CheckResult.failed(where + " answered QUIT with: " + quit, banner);
            }
            return CheckResult.ok("SMTP " + where + " ok", banner);
        } catch (SocketTimeoutException e) {
            return CheckResult.timeout(where + ": no SMTP answer within " + Durations.format(timeout()));
        } catch (ConnectException e) {
            return CheckResult.failed("cannot connect to " + where + ": " + e.getMessage());
        } catch (UnknownHostException e) {
            return CheckResult.failed("unknown host " + host);
        } catch (IOException e) {
            return CheckResult.failed(where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The last line of a possibly multi-line reply, or "connection closed". */
    private static String reply(LineSocket s) throws IOException {
        for (int lines = 0; lines < 100; lines++) {
            String line = s.readLine();
            if (line == null) {
                return "connection closed";
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line;
            }
        }
        return "reply too long";
    }
}
