/**
 * The built-in check types; {@link org.vigil.checks.builtin.BuiltinChecks#registry()} knows
 * them all. Every type also takes {@code timeout}, the one total deadline (default 10s).
 *
 * <h2>{@code http} and {@code https}</h2>
 * One request with {@code java.net.http.HttpClient}; redirects are not followed.
 * <ul>
 *   <li>{@code url} (required): {@code http://} or {@code https://} (https only for type
 *       {@code https}).</li>
 *   <li>{@code status}: the accepted status codes, e.g. {@code 200-299,302}. Default
 *       <b>{@code 200-399}</b>: a redirect (say, to a login page) still proves the server answers.
 *       Use {@code 200-299} for keepalived's stricter default.</li>
 *   <li>{@code regex}: the body must contain a match (Java regex, like mon's {@code -m} and
 *       keepalived's {@code regex}).</li>
 *   <li>{@code header.NAME}: a request header, e.g. {@code header.Host} is refused by the JDK
 *       but {@code header.Authorization} works. {@code user_agent} (default {@code vigil-check}).</li>
 *   <li>{@code method}: {@code get} (default) or {@code head}.</li>
 *   <li>{@code verify_tls}: certificate and host name checks, <b>on by default</b>; {@code no}
 *       accepts any certificate (self-signed test servers).</li>
 *   <li>{@code connect_timeout}: bounds TCP and TLS connect (default: {@code timeout}).</li>
 * </ul>
 *
 * <h2>{@code tcp}</h2>
 * {@code host}, {@code port} (both required), {@code send} (a string; {@code \r \n \t \\}
 * escapes), {@code expect} (regex the reply must contain), {@code connect_timeout}.
 *
 * <h2>{@code smtp}</h2>
 * Reads the 220 banner, sends EHLO (expects 250) and QUIT (expects 221). {@code host}
 * (required), {@code port} (25), {@code helo_name} (keepalived's word; default
 * {@code localhost}), {@code connect_timeout}.
 *
 * <h2>{@code mysql}</h2>
 * Logs in through MariaDB Connector/J (works with MySQL too) on a fresh connection each run, then
 * pings ({@code Connection.isValid}) or runs {@code query}. {@code user} (required),
 * {@code password} (never logged nor shown), {@code host} (127.0.0.1), {@code port} (3306),
 * {@code socket} (a unix socket path instead of TCP), {@code database}, {@code query} (e.g.
 * {@code SELECT 1}), {@code connect_timeout}. Access denied is FAILED; a slow server is TIMEOUT.
 *
 * <h2>{@code script}</h2>
 * Runs {@code program} (required; an absolute path must be executable) with {@code args}
 * (split on spaces; quotes group) and {@code env.NAME=value} variables ({@code VIGIL_CHECK} is
 * set to the check name). Standard input is {@code /dev/null}; output and errors are read from a
 * private temporary file (64 KiB kept). At the deadline the program and its descendants get
 * SIGKILL. {@code convention}:
 * <ul>
 *   <li>{@code mon} (default): exit 0 OK, other FAILED; first output line is the summary.</li>
 *   <li>{@code lsb}: an init script's {@code status}: 0 running; 1 dead with pid file, 2 dead
 *       with lock file, 3 not running (FAILED); 4 unknown (ERROR).</li>
 *   <li>{@code status}: Heartbeat's reading of status output, exit code ignored:
 *       {@code *[Nn]ot *[Rr]unning*} stopped, else {@code *[Rr]unning*} or {@code *OK*}
 *       running, else stopped (as with the Debian mysql status script).</li>
 * </ul>
 *
 * <h2>{@code ping}</h2>
 * {@code hosts} (required; spaces or commas). All are pinged at once; the summary lists those
 * that did not answer (mon's convention). {@code method}: {@code auto} (default) runs the system
 * {@code ping -n -q -c 1 -W SECS} because Java cannot send ICMP without raw sockets, falling back
 * to {@code InetAddress.isReachable} (ICMP as root, else a TCP echo-port probe) when no ping is
 * installed; {@code command} insists on the system ping; {@code java} forces the fallback.
 */
package org.vigil.checks.builtin;
