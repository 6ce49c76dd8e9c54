/**
 * Vigil's mon-style health checks: the SPI and the runner.
 *
 * <h2>Model</h2>
 * A {@link org.vigil.checks.HealthCheck} probes one service and returns a
 * {@link org.vigil.checks.CheckResult}: a status ({@code OK}, {@code FAILED}, {@code TIMEOUT},
 * {@code ERROR}; everything but OK is a failure), a one-line summary (mon's first line of monitor
 * output, which alerts quote and whose change re-triggers {@code alertevery}), a detail text and
 * the run's duration.
 *
 * <p>{@link org.vigil.checks.CheckRunner} gives every run <b>one total deadline</b> (the check's
 * {@code timeout}): connect, TLS, request, reading the answer, a script and its children, all
 * together. A check that is still busy at the deadline is a TIMEOUT, its process tree is killed
 * and its thread interrupted and abandoned; the caller is never stuck. A check never runs twice
 * at once: a run due while the previous one is still going is skipped and counted.
 *
 * <h2>Configuration vocabulary</h2>
 * The agent's config file (syntax still to come) will give each check a name, a type and
 * {@code key=value} options; {@link org.vigil.checks.CheckRegistry#build} turns them into a check
 * and reports every bad or unknown option by name. Durations are mon timevals: {@code 500ms},
 * {@code 30s} (a bare number is seconds), {@code 5m}, {@code 1h}, {@code 1d}, fractions allowed.
 * Booleans are {@code yes/no}, {@code true/false}, {@code on/off}, {@code 1/0}.
 *
 * <table class="striped">
 *   <caption>Option groups</caption>
 *   <tr><th>group</th><th>options</th><th>documented in</th></tr>
 *   <tr><td>every check</td><td>{@code timeout} (default 10s)</td><td>here</td></tr>
 *   <tr><td>per check type</td><td>{@code url}, {@code host}, {@code program}, ...</td>
 *       <td>{@link org.vigil.checks.builtin}</td></tr>
 *   <tr><td>when it runs</td><td>{@code interval}, {@code failure_interval}, {@code randskew},
 *       {@code exclude_period}</td><td>{@link org.vigil.checks.schedule}</td></tr>
 *   <tr><td>when it alerts</td><td>{@code alertafter}, {@code alertevery}, {@code numalerts},
 *       {@code upalert}, {@code no_comp_alerts}, {@code startupalert}, {@code rise},
 *       {@code flap_threshold}, {@code flap_window}</td><td>{@link org.vigil.checks.policy}</td></tr>
 *   <tr><td>what it repairs</td><td>{@code on_fail}, {@code resource}, {@code group},
 *       {@code max_restarts}, {@code restart_window}, {@code failure_timeout}</td>
 *       <td>{@link org.vigil.checks.policy}</td></tr>
 * </table>
 */
package org.vigil.checks;
