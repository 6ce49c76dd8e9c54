package org.vigil.checks.builtin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.mariadb.jdbc.Driver;

/**
 * A throw-away MariaDB server for integration tests: its own datadir, socket and port on
 * 127.0.0.1 under a directory the test owns; nothing of the system's MariaDB is used or touched.
 */
@SuppressWarnings("try") // close() may be interrupted: fine in tests
final class PrivateMariaDb implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** @return the first of these that is executable, if any */
    static Optional<Path> find(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static Optional<Path> mariadbd() {
        return find("/usr/sbin/mariadbd", "/usr/sbin/mysqld");
    }

    static Optional<Path> installDb() {
        return find("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");
    }

    static PrivateMariaDb start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PrivateMariaDb db = new PrivateMariaDb(dir, port);
        db.install();
        db.launch();
        return db;
    }

    private void install() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(installDb().orElseThrow().toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--user=" + System.getProperty("user.name"),
                "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
    }

    private void launch() throws IOException, InterruptedException {
        server = new ProcessBuilder(List.of(mariadbd().orElseThrow().toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--socket=" + socket(), "--port=" + port,
                "--bind-address=127.0.0.1", "--user=" + System.getProperty("user.name"),
                "--pid-file=" + dir.resolve("mariadbd.pid"), "--log-error=" + dir.resolve("error.log"),
                "--skip-log-bin", "--innodb-buffer-pool-size=16M", "--skip-name-resolve"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        try {
            awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            close(); // never leave a server behind when the test cannot use it
            throw e;
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < until) {
            if (!server.isAlive()) {
                throw new IOException("mariadbd exited: " + Files.readString(dir.resolve("error.log")));
            }
            try (Connection c = rootConnection()) {
                return;
            } catch (SQLException e) {
                last = e;
                server.waitFor(100, TimeUnit.MILLISECONDS); // poll interval while the server boots
            }
        }
        throw new IOException("mariadbd did not come up in 60 s", last);
    }

    Connection rootConnection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("localSocket", socket().toString());
        p.setProperty("connectTimeout", "2000");
        return new Driver().connect("jdbc:mariadb://localhost/", p);
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = rootConnection(); var st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    Path socket() {
        return dir.resolve("mariadbd.sock");
    }

    int port() {
        return port;
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    @SuppressWarnings("try")
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: clean shutdown
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
