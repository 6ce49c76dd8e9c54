package org.vigil.checks.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.TestChecks;

/** https against a self-signed certificate made with the JDK's keytool. */
class HttpsCheckTest {

    private static final char[] PASS = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        Path ks = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "vigil", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(PASS),
                "-keypass", new String(PASS)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASS);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASS);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", ex -> HttpCheckTest.reply(ex, 200, "secure"));
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void selfSignedFailsVerificationByDefault() {
        CheckResult r = TestChecks.run(TestChecks.build("https", Map.of("url", url, "timeout", "5s")));
        assertEquals(CheckStatus.FAILED, r.status(), r::toString);
        assertTrue(r.summary().contains("TLS"), r.summary());
    }

    @Test
    void passesWhenVerificationIsTurnedOff() {
        CheckResult r = TestChecks.run(TestChecks.build("https",
                Map.of("url", url, "timeout", "5s", "verify_tls", "no", "regex", "secure")));
        assertEquals(CheckStatus.OK, r.status(), r::toString);
    }
}
