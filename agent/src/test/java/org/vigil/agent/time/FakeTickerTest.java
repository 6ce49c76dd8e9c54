package org.vigil.agent.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeTickerTest {

    @Test
    void advance_crossesLongOverflow_differencesStayCorrect() {
        FakeTicker ticker = new FakeTicker();
        long before = ticker.nanoTime();
        ticker.advance(Duration.ofMinutes(2));
        long after = ticker.nanoTime();
        assertTrue(after < before, "the reading wrapped past Long.MAX_VALUE");
        assertEquals(Duration.ofMinutes(2).toNanos(), after - before);
    }
}
