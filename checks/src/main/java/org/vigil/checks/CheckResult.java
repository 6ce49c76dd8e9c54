package org.vigil.checks;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one run of a {@link HealthCheck}.
 *
 * <p>{@code summary} follows mon's convention for the first line of monitor output: one short line
 * that alerts quote, and whose change makes {@code alertevery} repeat an alert at once.
 * {@code detail} is the free text after it. Neither ever contains a password.
 *
 * @param status   OK, FAILED, TIMEOUT or ERROR
 * @param summary  one line, never null (line breaks are replaced by spaces)
 * @param detail   more text, possibly empty, never null
 * @param duration wall time the run took (as measured by the runner when it sets it)
 */
public record CheckResult(CheckStatus status, String summary, String detail, Duration duration) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary.replaceAll("[\\r\\n]+", " ").strip();
        detail = detail == null ? "" : detail;
        duration = duration == null ? Duration.ZERO : duration;
    }

    public static CheckResult ok(String summary) {
        return new CheckResult(CheckStatus.OK, summary, "", Duration.ZERO);
    }

    public static CheckResult ok(String summary, String detail) {
        return new CheckResult(CheckStatus.OK, summary, detail, Duration.ZERO);
    }

    public static CheckResult failed(String summary) {
        return new CheckResult(CheckStatus.FAILED, summary, "", Duration.ZERO);
    }

    public static CheckResult failed(String summary, String detail) {
        return new CheckResult(CheckStatus.FAILED, summary, detail, Duration.ZERO);
    }

    public static CheckResult timeout(String summary) {
        return new CheckResult(CheckStatus.TIMEOUT, summary, "", Duration.ZERO);
    }

    public static CheckResult error(String summary, String detail) {
        return new CheckResult(CheckStatus.ERROR, summary, detail, Duration.ZERO);
    }

    /** @return true unless the status is OK. */
    public boolean isFailure() {
        return status.isFailure();
    }

    public CheckResult withDuration(Duration d) {
        return new CheckResult(status, summary, detail, d);
    }

    public CheckResult withDetail(String d) {
        return new CheckResult(status, summary, d, duration);
    }
}
