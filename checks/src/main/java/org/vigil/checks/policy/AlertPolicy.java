package org.vigil.checks.policy;

import java.time.Duration;
import java.util.Optional;
import org.vigil.checks.CheckOptions;
import org.vigil.checks.Durations;

/**
 * When a check's results become alerts, in mon's terms (see the package documentation).
 *
 * @param alertAfter       failures needed before the service counts as down ({@code alertafter N})
 * @param alertAfterWithin with alertAfter: those failures must fall within this time, not
 *                         necessarily in a row ({@code alertafter N T}); null: N in a row
 * @param alertAfterFor    instead of a count: failing without a success for this long
 *                         ({@code alertafter T}); null when a count is used
 * @param alertEvery       while down, repeat the alert at most this often ({@code alertevery});
 *                         null: alert on every failed run, as mon does without alertevery
 * @param strict           with alertEvery: do not repeat early when the summary changes
 *                         ({@code alertevery T strict})
 * @param numAlerts        at most this many alerts per down period, 0 for no limit ({@code numalerts})
 * @param upAlert          send an up alert on recovery ({@code upalert})
 * @param noCompAlerts     send the up alert even if no down alert was sent ({@code no_comp_alerts})
 * @param startupAlert     send a startup alert when the policy starts ({@code startupalert})
 * @param rise             successes in a row needed to count as up again ({@code rise}, keepalived's word)
 * @param flapThreshold    more state changes than this within flapWindow is FLAPPING; 0 turns
 *                         flap detection off ({@code flap_threshold})
 * @param flapWindow       the window for flap detection ({@code flap_window})
 */
public record AlertPolicy(int alertAfter, Duration alertAfterWithin, Duration alertAfterFor, Duration alertEvery,
        boolean strict, int numAlerts, boolean upAlert, boolean noCompAlerts, boolean startupAlert, int rise,
        int flapThreshold, Duration flapWindow) {

    /** mon's defaults: alert on the first failure, on every failure, no up or startup alert, no flap detection. */
    public static final AlertPolicy MON_DEFAULTS =
            new AlertPolicy(1, null, null, null, false, 0, false, false, false, 1, 0, Duration.ofMinutes(10));

    public AlertPolicy {
        if (alertAfter < 1 || rise < 1 || numAlerts < 0 || flapThreshold < 0) {
            throw new IllegalArgumentException("alertafter and rise must be at least 1; numalerts, flap_threshold >= 0");
        }
    }

    public AlertPolicy withAlertAfter(int n, Duration within) {
        return new AlertPolicy(n, within, null, alertEvery, strict, numAlerts, upAlert, noCompAlerts, startupAlert,
                rise, flapThreshold, flapWindow);
    }

    public AlertPolicy withAlertAfterFor(Duration d) {
        return new AlertPolicy(1, null, d, alertEvery, strict, numAlerts, upAlert, noCompAlerts, startupAlert,
                rise, flapThreshold, flapWindow);
    }

    public AlertPolicy withAlertEvery(Duration every, boolean isStrict) {
        return new AlertPolicy(alertAfter, alertAfterWithin, alertAfterFor, every, isStrict, numAlerts, upAlert,
                noCompAlerts, startupAlert, rise, flapThreshold, flapWindow);
    }

    public AlertPolicy withNumAlerts(int n) {
        return new AlertPolicy(alertAfter, alertAfterWithin, alertAfterFor, alertEvery, strict, n, upAlert,
                noCompAlerts, startupAlert, rise, flapThreshold, flapWindow);
    }

    public AlertPolicy withUpAlert(boolean up, boolean noComp) {
        return new AlertPolicy(alertAfter, alertAfterWithin, alertAfterFor, alertEvery, strict, numAlerts, up,
                noComp, startupAlert, rise, flapThreshold, flapWindow);
    }

    public AlertPolicy withStartupAlert(boolean s) {
        return new AlertPolicy(alertAfter, alertAfterWithin, alertAfterFor, alertEvery, strict, numAlerts, upAlert,
                noCompAlerts, s, rise, flapThreshold, flapWindow);
    }

    public AlertPolicy withRise(int r) {
        return new AlertPolicy(alertAfter, alertAfterWithin, alertAfterFor, alertEvery, strict, numAlerts, upAlert,
                noCompAlerts, startupAlert, r, flapThreshold, flapWindow);
    }

    public AlertPolicy withFlapping(int threshold, Duration window) {
        return new AlertPolicy(alertAfter, alertAfterWithin, alertAfterFor, alertEvery, strict, numAlerts, upAlert,
                noCompAlerts, startupAlert, rise, threshold, window);
    }

    /**
     * Reads {@code alertafter}, {@code alertevery}, {@code numalerts}, {@code upalert},
     * {@code no_comp_alerts}, {@code startupalert}, {@code rise}, {@code flap_threshold} and
     * {@code flap_window}; problems go to {@link CheckOptions#error}.
     */
    public static Optional<AlertPolicy> fromOptions(CheckOptions o) {
        AlertPolicy p = MON_DEFAULTS;
        Optional<String> after = o.optional("alertafter");
        if (after.isPresent()) {
            String[] w = after.get().split("\\s+");
            if (w.length == 1 && w[0].matches("\\d+")) {
                p = p.withAlertAfter(Math.max(1, o.integer("alertafter", 1, 1, 1_000_000)), null);
            } else if (w.length == 1 && Durations.parse(w[0]).filter(d -> !d.isZero()).isPresent()) {
                p = p.withAlertAfterFor(Durations.parse(w[0]).get());
            } else if (w.length == 2 && w[0].matches("[1-9]\\d{0,5}") && Durations.parse(w[1]).isPresent()) {
                p = p.withAlertAfter(Integer.parseInt(w[0]), Durations.parse(w[1]).get());
            } else {
                o.error("alertafter", "'" + after.get() + "' is not N, N TIME or TIME (e.g. 3, 3 10m, 5m)");
            }
        }
        Optional<String> every = o.optional("alertevery");
        if (every.isPresent()) {
            String[] w = every.get().split("\\s+");
            Optional<Duration> d = Durations.parse(w[0]);
            boolean strictWord = w.length == 2 && w[1].equals("strict");
            if (d.isEmpty() || w.length > 2 || (w.length == 2 && !strictWord)) {
                o.error("alertevery", "'" + every.get() + "' is not TIME or TIME strict (e.g. 1h strict)");
            } else {
                p = p.withAlertEvery(d.get(), strictWord);
            }
        }
        p = p.withNumAlerts(o.integer("numalerts", 0, 0, 1_000_000))
                .withUpAlert(o.bool("upalert", false), o.bool("no_comp_alerts", false))
                .withStartupAlert(o.bool("startupalert", false))
                .withRise(o.integer("rise", 1, 1, 1000))
                .withFlapping(o.integer("flap_threshold", 0, 0, 1000), o.duration("flap_window", p.flapWindow()));
        return o.errors().isEmpty() ? Optional.of(p) : Optional.empty();
    }
}
