package org.vigil.checks.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.TestChecks;

/**
 * The mysql check against a real, private MariaDB server (see {@link PrivateMariaDb}). Skipped,
 * with the reason, when mariadbd is not installed (Debian: mariadb-server).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MysqlCheckIT {

    private static final String PASSWORD = "Vig1l-pa55";

    @TempDir
    static Path dir;

    private static PrivateMariaDb db;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(PrivateMariaDb.mariadbd().isPresent() && PrivateMariaDb.installDb().isPresent(),
                "mariadbd or mariadb-install-db not installed (apt-get install mariadb-server): MySQL check IT skipped");
        db = PrivateMariaDb.start(dir);
        db.sql("CREATE USER 'vigil'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "CREATE DATABASE app", "GRANT SELECT ON app.* TO 'vigil'@'%'");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (db != null) {
            db.close();
        }
    }

    private static Map<String, String> options(String password) {
        Map<String, String> o = new HashMap<>();
        o.put("host", "127.0.0.1");
        o.put("port", Integer.toString(db.port()));
        o.put("user", "vigil");
        o.put("password", password);
        o.put("database", "app");
        o.put("timeout", "5s");
        return o;
    }

    @Test
    @Order(1)
    void pingWithTheRightPasswordIsOk() {
        CheckResult r = TestChecks.run(TestChecks.build("mysql", options(PASSWORD)));
        assertEquals(CheckStatus.OK, r.status(), r::toString);
    }

    @Test
    @Order(2)
    void queryOverTheUnixSocketIsOk() {
        Map<String, String> o = options(PASSWORD);
        o.put("socket", db.socket().toString());
        o.put("query", "SELECT 1");
        CheckResult r = TestChecks.run(TestChecks.build("mysql", o));
        assertEquals(CheckStatus.OK, r.status(), r::toString);
    }

    @Test
    @Order(3)
    void wrongPasswordFailsAndIsNotEchoed() {
        CheckResult r = TestChecks.run(TestChecks.build("mysql", options("wrong-" + PASSWORD)));
        assertEquals(CheckStatus.FAILED, r.status(), r::toString);
        assertTrue(r.summary().contains("Access denied"), r.summary());
        assertFalse(r.toString().contains(PASSWORD), r::toString);
    }

    @Test
    @Order(4)
    void slowQueryTimesOutAtTheDeadline() {
        Map<String, String> o = options(PASSWORD);
        o.put("query", "SELECT SLEEP(5)");
        o.put("timeout", "1s");
        long t0 = System.nanoTime();
        CheckResult r = TestChecks.run(TestChecks.build("mysql", o));
        assertEquals(CheckStatus.TIMEOUT, r.status(), r::toString);
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofMillis(2000)) < 0);
    }

    @Test
    @Order(5)
    void serverKilledMidRunFails() throws Exception {
        Map<String, String> o = options(PASSWORD);
        o.put("query", "SELECT SLEEP(20)");
        o.put("timeout", "15s");
        CompletableFuture<CheckResult> running =
                CompletableFuture.supplyAsync(() -> TestChecks.run(TestChecks.build("mysql", o)));
        waitForSleepingQuery();
        db.kill();
        CheckResult r = running.get(10, TimeUnit.SECONDS);
        assertEquals(CheckStatus.FAILED, r.status(), r::toString);
        // and with the server gone, a fresh check fails too
        CheckResult after = TestChecks.run(TestChecks.build("mysql", options(PASSWORD)));
        assertEquals(CheckStatus.FAILED, after.status(), after::toString);
    }

    private static void waitForSleepingQuery() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (var c = db.rootConnection(); var st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%SELECT SLEEP(20)%' AND USER = 'vigil'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
        }
        throw new AssertionError("the check's query never showed up in the process list");
    }
}
