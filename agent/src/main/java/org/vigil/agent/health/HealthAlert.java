package org.vigil.agent.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert of a check, ready for a log line, a mail or a trap. Modelled on what mon hands its
 * alert scripts ({@code MON_ALERTTYPE}, group, service, summary line, detail).
 *
 * @param kind    what happened
 * @param check   the check (mon's service)
 * @param group   the resource group the check watches (mon's watch)
 * @param summary one line, never a password
 * @param detail  more text, possibly empty
 * @param number  for {@link Kind#FAILURE}: the alert's number since the check went down (from 1); else 0
 * @param at      when the policy decided it
 */
public record HealthAlert(Kind kind, String check, String group, String summary, String detail, int number,
        Instant at) {

    /** The alert types, in mon's words where mon has one. */
    public enum Kind {
        /** The check is down (mon's failure alert). */
        FAILURE,
        /** The check is up again (mon's upalert). */
        UP,
        /** Monitoring started (mon's startupalert). */
        STARTUP,
        /** The check changes state too often; alerts pause until it settles. */
        FLAPPING,
        /** The check settled after flapping. */
        FLAPPING_ENDED,
        /** {@code on_fail restart}: the restarts allowed in the window did not help. */
        RESTARTS_EXHAUSTED
    }

    public HealthAlert {
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? "" : summary;
        detail = detail == null ? "" : detail;
    }
}
