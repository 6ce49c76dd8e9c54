package org.vigil.checks.builtin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;
import org.vigil.checks.Durations;

/**
 * Type {@code tcp} (mon's tcp.monitor, keepalived's TCP_CHECK): connect; optionally send a string
 * and expect a regular expression in the reply.
 */
final class TcpCheck extends AbstractCheck {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final String send;
    private final Pattern expect;

    private TcpCheck(String name, Duration timeout, String host, int port, Duration connectTimeout,
            String send, Pattern expect) {
        super(name, "tcp", timeout);
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.send = send;
        this.expect = expect;
    }

    static TcpCheck create(String name, CheckOptions o) {
        Duration timeout = o.timeout();
        String host = o.required("host");
        int port = o.integer("port", 0, 1, 65535);
        if (o.optional("port").isEmpty()) {
            o.error("port", "is required");
        }
        Duration connect = o.duration("connect_timeout", timeout);
        String send = o.optional("send").map(TcpCheck::unescape).orElse(null);
        Pattern expect = o.regex("expect").orElse(null);
        return new TcpCheck(name, timeout, host, port, connect, send, expect);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String where = host + ":" + port;
        try (LineSocket s = LineSocket.connect(host, port, connectTimeout, ctx)) {
            if (send != null) {
                s.write(send);
            }
            if (expect == null) {
                return CheckResult.ok("connected to " + where);
            }
            String got = s.readUntil(expect);
            if (expect.matcher(got).find()) {
                return CheckResult.ok(where + " answered as expected");
            }
            return CheckResult.failed(where + " did not answer /" + expect.pattern() + "/", got);
        } catch (SocketTimeoutException e) {
            return CheckResult.timeout(where + ": no answer within " + Durations.format(timeout()));
        } catch (ConnectException e) {
            return CheckResult.failed("cannot connect to " + where + ": " + e.getMessage());
        } catch (UnknownHostException e) {
            return CheckResult.failed("unknown host " + host);
        } catch (IOException e) {
            return CheckResult.failed(where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code \r}, {@code \n}, {@code \t} and {@code \\} in the send string, as config files cannot hold them. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
