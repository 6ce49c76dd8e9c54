package org.vigil.checks.builtin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.Durations;

/**
 * Types {@code http} and {@code https}: one request with {@link HttpClient}; redirects are not
 * followed (a 3xx is the answer). The whole exchange, body included, must finish within the
 * check's {@code timeout}; {@code connect_timeout} bounds the TCP and TLS connect only.
 */
final class HttpCheck extends AbstractCheck {

    /** 2xx and 3xx: a redirect to a login page still proves the server is up (mon's http.monitor view). */
    static final String DEFAULT_STATUS = "200-399";

    private final URI uri;
    private final String method;
    private final StatusCodes expected;
    private final Pattern bodyRegex;
    private final Map<String, String> headers;
    private final HttpClient client;
    private static final ConcurrentMap<ClientKey, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private HttpCheck(String name, String type, Duration timeout, URI uri, String method,
            StatusCodes expected, Pattern bodyRegex, Map<String, String> headers, HttpClient client) {
        super(name, type, timeout);
        this.uri = uri;
        this.method = method;
        this.expected = expected;
        this.bodyRegex = bodyRegex;
        this.headers = headers;
        this.client = client;
    }

    static HttpCheck create(String name, String type, CheckOptions o) {
        Duration timeout = o.timeout();
        Duration connectTimeout = o.duration("connect_timeout", timeout);
        String method = o.choice("method", "get", "get", "head").toUpperCase(Locale.ROOT);
        String statusText = o.string("status", DEFAULT_STATUS);
        Optional<StatusCodes> expected = StatusCodes.parse(statusText);
        if (expected.isEmpty()) {
            o.error("status", "'" + statusText + "' is not a list of codes or ranges such as 200-299,301");
        }
        Pattern regex = o.regex("regex").orElse(null);
        Map<String, String> headers = o.prefixed("header.");
        headers.putIfAbsent("User-Agent", o.string("user_agent", "vigil-check"));
        boolean verify = o.bool("verify_tls", true);
        URI uri = parseUri(type, o.required("url"), o);
        if (!o.errors().isEmpty()) {
            return null;
        }
        try {
            // HttpClient refuses some headers (Host, Connection...): say so now, not at every run
            HttpRequest.Builder probe = HttpRequest.newBuilder(uri);
            headers.forEach(probe::header);
        } catch (IllegalArgumentException e) {
            o.error("header.*", "not allowed: " + e.getMessage());
            return null;
        }
        HttpClient client;
        try {
            client = client(connectTimeout, verify);
        } catch (GeneralSecurityException e) {
            o.error("verify_tls", "no cannot be honoured: " + e.getMessage());
            return null;
        }
        return new HttpCheck(name, type, timeout, uri, method, expected.get(), regex, headers, client);
    }

    /**
     * One client per (connect timeout, verify_tls), shared by every check that has those: each
     * HttpClient has a selector thread and a thread pool of its own, so one per check cost
     * 1,000 threads for 500 checks (bin/bench-checks). Requests carry their own timeout, and the
     * connection pool is keyed by host and port, so sharing changes nothing a check can see.
     */
    private static HttpClient client(Duration connectTimeout, boolean verify) throws GeneralSecurityException {
        ClientKey key = new ClientKey(connectTimeout, verify);
        HttpClient shared = CLIENTS.get(key);
        if (shared != null) {
            return shared;
        }
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!verify) {
            b.sslContext(InsecureTls.context());
        }
        HttpClient built = b.build();
        shared = CLIENTS.putIfAbsent(key, built);
        return shared == null ? built : shared;
    }

    private record ClientKey(Duration connectTimeout, boolean verify) {
    }

    private static URI parseUri(String type, String text, CheckOptions o) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (u.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                o.error("url", "'" + text + "' is not an http:// or https:// URL with a host");
            } else if (type.equals("https") && !scheme.equals("https")) {
                o.error("url", "an https check needs an https:// URL");
            }
            return u;
        } catch (URISyntaxException e) {
            o.error("url", "'" + text + "' is not a valid URL: " + e.getReason());
            return null;
        }
    }

    @Override
    public CheckResult run(CheckContext ctx) throws InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(ctx.remainingAtMost(null))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(rb::header);
        String where = redact(uri);
        CompletableFuture<HttpResponse<String>> f =
                client.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> resp;
        try {
            resp = f.get(ctx.remainingAtMost(null).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return CheckResult.timeout("no answer from " + where + " within " + Durations.format(timeout()));
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return failure(where, e.getCause());
        }
        int code = resp.statusCode();
        if (!expected.matches(code)) {
            return CheckResult.failed("HTTP " + code + " from " + where + " (expected " + expected + ")",
                    excerpt(resp.body()));
        }
        if (bodyRegex != null && !bodyRegex.matcher(resp.body()).find()) {
            return CheckResult.failed("HTTP " + code + " from " + where + " but the body does not match /"
                    + bodyRegex.pattern() + "/", excerpt(resp.body()));
        }
        return CheckResult.ok("HTTP " + code + " from " + where);
    }

    private CheckResult failure(String where, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return CheckResult.timeout("connect to " + where + " timed out");
        }
        if (cause instanceof HttpTimeoutException) {
            return CheckResult.timeout("no answer from " + where + " within " + Durations.format(timeout()));
        }
        if (cause instanceof ConnectException) {
            return CheckResult.failed("cannot connect to " + where + ": connection refused");
        }
        if (cause instanceof SSLException) {
            return CheckResult.failed("TLS failure with " + where + ": " + cause.getMessage());
        }
        if (cause instanceof IOException) {
            return CheckResult.failed(where + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return new CheckResult(CheckStatus.ERROR, where + ": " + cause, "", null);
    }

    /** Drops any user:password@ from the URL before it goes into a summary or a log. */
    static String redact(URI u) {
        if (u.getRawUserInfo() == null) {
            return u.toString();
        }
        return u.toString().replace(u.getRawUserInfo() + "@", "***@");
    }

    private static String excerpt(String body) {
        return body.length() <= 512 ? body : body.substring(0, 512) + "...";
    }
}
