package org.vigil.checks.builtin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.mariadb.jdbc.Driver;
import org.vigil.checks.CheckContext;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.CheckResult;

/**
 * Type {@code mysql} (mon's msql-mysql.monitor): log in to MySQL or MariaDB through MariaDB
 * Connector/J and prove the server answers, with {@link Connection#isValid} (a protocol-level
 * ping) or, when {@code query} is given, by running that query. A fresh connection every run, so
 * a server that has stopped accepting logins is noticed.
 *
 * <p>The password goes to the driver only, in connection properties: never into the URL, the
 * summary, {@link #toString()} or a log line.
 */
final class MysqlCheck extends AbstractCheck {

    private final String url;
    private final String user;
    private final String password;
    private final String socket;
    private final String query;
    private final Duration connectTimeout;
    private final String where;

    private MysqlCheck(String name, Duration timeout, String host, int port, String database, String user,
            String password, String socket, String query, Duration connectTimeout) {
        super(name, "mysql", timeout);
        this.url = "jdbc:mariadb://" + host + ":" + port + "/" + database;
        this.user = user;
        this.password = password;
        this.socket = socket;
        this.query = query;
        this.connectTimeout = connectTimeout;
        this.where = socket != null ? socket : host + ":" + port;
    }

    static MysqlCheck create(String name, CheckOptions o) {
        Duration timeout = o.timeout();
        String host = o.string("host", "127.0.0.1");
        int port = o.integer("port", 3306, 1, 65535);
        String database = o.string("database", "");
        if (!database.matches("[A-Za-z0-9_$]*")) {
            o.error("database", "'" + database + "' must be a plain name (letters, digits, _ and $)");
        }
        String user = o.required("user");
        String password = o.string("password", null);
        String socket = o.string("socket", null);
        String query = o.string("query", null);
        Duration connect = o.duration("connect_timeout", timeout);
        return new MysqlCheck(name, timeout, host, port, database, user, password, socket, query, connect);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        if (socket != null) {
            p.setProperty("localSocket", socket);
        }
        p.setProperty("connectTimeout", Integer.toString(ctx.remainingMillisAtMost(connectTimeout)));
        p.setProperty("socketTimeout", Integer.toString(ctx.remainingMillisAtMost(null)));
        try (Connection c = new Driver().connect(url, p)) {
            if (c == null) {
                return CheckResult.error("the MariaDB driver refused the URL " + url, "");
            }
            int secs = (int) Math.max(1, ctx.remaining().toSeconds());
            if (query == null) {
                return c.isValid(secs) ? CheckResult.ok("MySQL " + where + " answers")
                        : CheckResult.failed("MySQL " + where + " did not answer a ping");
            }
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(secs);
                st.execute(query);
            }
            return CheckResult.ok("MySQL " + where + " answers the query");
        } catch (SQLTimeoutException e) {
            return CheckResult.timeout("MySQL " + where + ": " + firstLine(e.getMessage()));
        } catch (SQLException e) {
            if (isTimeout(e, ctx)) {
                return CheckResult.timeout("MySQL " + where + ": " + firstLine(e.getMessage()));
            }
            return CheckResult.failed("MySQL " + where + ": " + firstLine(e.getMessage()),
                    "SQLState " + e.getSQLState() + ", error " + e.getErrorCode());
        }
    }

    /**
     * The driver reports its socket timeout as a plain SQLException (SQLState 08000) and the
     * server's max_statement_time as error 1969: both mean the deadline, not a refusal.
     */
    private static boolean isTimeout(SQLException e, CheckContext ctx) {
        if (ctx.expired() || e.getErrorCode() == 1969) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String toString() {
        return "mysql check " + name() + " (" + user + "@" + where + ", password "
                + (password == null ? "none" : "set") + ")";
    }
}
