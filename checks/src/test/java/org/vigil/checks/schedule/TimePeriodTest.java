package org.vigil.checks.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimePeriodTest {

    /** 2026-11-23 is a Monday. */
    private static LocalDateTime t(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 11, day, hour, minute);
    }

    @Test
    void weekdaysAndHours() {
        TimePeriod p = TimePeriod.parse("wd {Mon-Fri} hr {7am-10pm}");
        assertTrue(p.contains(t(23, 7, 0)));
        assertTrue(p.contains(t(27, 21, 59)));   // Friday
        assertFalse(p.contains(t(23, 22, 0)));   // 10pm is the end
        assertFalse(p.contains(t(23, 6, 59)));
        assertFalse(p.contains(t(28, 12, 0)));   // Saturday
    }

    @Test
    void wrappingRangesAndNumbers() {
        TimePeriod night = TimePeriod.parse("hr {10pm-6am}");
        assertTrue(night.contains(t(23, 23, 30)));
        assertTrue(night.contains(t(23, 0, 0)));
        assertTrue(night.contains(t(23, 5, 59)));
        assertFalse(night.contains(t(23, 6, 0)));
        TimePeriod weekend = TimePeriod.parse("wd {fri-mon}");
        assertTrue(weekend.contains(t(29, 12, 0))); // Sunday
        assertFalse(weekend.contains(t(25, 12, 0))); // Wednesday
        assertTrue(TimePeriod.parse("wd {1}").contains(t(29, 1, 0))); // 1 = Sunday, as in Time::Period
        assertTrue(TimePeriod.parse("hr {12am}").contains(t(23, 0, 30)));
        assertTrue(TimePeriod.parse("hr {12pm}").contains(t(23, 12, 30)));
    }

    @Test
    void commasOrSubPeriodsAndSpacesListValues() {
        TimePeriod p = TimePeriod.parse("wd {sat sun}, wd {mon} hr {9-10} min {0-15}");
        assertTrue(p.contains(t(28, 3, 0)));
        assertTrue(p.contains(t(23, 9, 14)));
        assertFalse(p.contains(t(23, 9, 15)));
        assertFalse(p.contains(t(24, 9, 5)));
        TimePeriod months = TimePeriod.parse("mo {dec-feb} md {1-7}");
        assertTrue(months.contains(LocalDateTime.of(2027, 1, 7, 0, 0)));
        assertFalse(months.contains(LocalDateTime.of(2027, 1, 8, 0, 0)));
    }

    @Test
    void errorsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.parse("yd {1-3}"));
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.parse("hr {25}"));
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.parse("hr {13pm}"));
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.parse("wd {Mon-Fri"));
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.parse("wd {}"));
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.parse("hr {9-9}"));
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.parse(""));
    }
}
