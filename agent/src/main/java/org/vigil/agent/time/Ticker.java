package org.vigil.agent.time;

/**
 * The one source of time for every liveness and timing decision in Vigil.
 *
 * <p>Readings are monotonic nanoseconds with an arbitrary origin: they can only be compared with
 * each other, never with a calendar. A wall-clock jump (NTP step, an operator's {@code date -s})
 * therefore changes nothing. Compare readings overflow-safely: {@code deadline - now > 0}, never
 * {@code now < deadline}.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds since an arbitrary, fixed origin. */
    long nanoTime();

    /** The system's monotonic clock ({@link System#nanoTime()}). */
    static Ticker system() {
        return System::nanoTime;
    }
}
