/**
 * When checks run, in mon's words. {@link org.vigil.checks.schedule.CheckScheduler} has two
 * implementations: {@link org.vigil.checks.schedule.QuartzCheckScheduler} (Quartz, in memory)
 * and {@link org.vigil.checks.schedule.ManualCheckScheduler} (virtual time, for tests).
 *
 * <ul>
 *   <li>{@code interval} (default 1m): time between runs while the check passes.</li>
 *   <li>{@code failure_interval}: time between runs while it fails (poll faster to notice the
 *       recovery). Default: {@code interval}.</li>
 *   <li>{@code randskew}: each delay is moved by a random amount within plus or minus randskew,
 *       and the first run waits a random part of it, so checks do not run in lock-step. Must be
 *       shorter than both intervals. The random source is seeded.</li>
 *   <li>{@code exclude_period}: runs that fall due inside this period are skipped (reported as
 *       skipped, not postponed), e.g. {@code wd {Sat-Sun}} or {@code wd {Mon-Fri} hr {2am-4am}}.
 *       The syntax is the Time::Period subset described in
 *       {@link org.vigil.checks.schedule.TimePeriod}.</li>
 * </ul>
 * An operator's "run now" ignores {@code exclude_period} and plans the next run from then.
 */
package org.vigil.checks.schedule;
