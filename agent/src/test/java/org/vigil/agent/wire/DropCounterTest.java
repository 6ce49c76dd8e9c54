package org.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.agent.time.FakeTicker;

class DropCounterTest {

    private final FakeTicker ticker = new FakeTicker();
    private final List<String> lines = new ArrayList<>();
    private final DropCounter counter = new DropCounter(ticker, Duration.ofSeconds(10), lines::add);

    private static DecodeResult.Rejected drop(DropReason reason) {
        return new DecodeResult.Rejected(reason, "detail");
    }

    @Test
    void countsPerReason() {
        counter.record(drop(DropReason.BAD_AUTH), "10.0.0.2:694");
        counter.record(drop(DropReason.BAD_AUTH), "10.0.0.2:694");
        counter.record(drop(DropReason.TRUNCATED), null);
        assertEquals(2, counter.count(DropReason.BAD_AUTH));
        assertEquals(1, counter.count(DropReason.TRUNCATED));
        assertEquals(0, counter.count(DropReason.OVERSIZED));
        assertEquals(3, counter.total());
        assertEquals(Map.of(DropReason.BAD_AUTH, 2L, DropReason.TRUNCATED, 1L), counter.snapshot());
    }

    @Test
    void logsOncePerReasonPerIntervalWithSuppressedCount() {
        for (int i = 0; i < 5; i++) {
            counter.record(drop(DropReason.BAD_AUTH), "10.0.0.2:694");
        }
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("10.0.0.2:694"), lines.get(0));
        assertTrue(lines.get(0).contains("authentication failed"), lines.get(0));

        counter.record(drop(DropReason.OVERSIZED), "10.0.0.3:694");
        assertEquals(2, lines.size(), "other reasons have their own budget");

        ticker.advanceMillis(9_999);
        counter.record(drop(DropReason.BAD_AUTH), "10.0.0.2:694");
        assertEquals(2, lines.size());

        // FakeTicker starts near Long.MAX_VALUE, so this also crosses the overflow boundary.
        ticker.advanceMillis(1);
        counter.record(drop(DropReason.BAD_AUTH), "10.0.0.9:694");
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).contains("10.0.0.9:694"), lines.get(2));
        assertTrue(lines.get(2).contains("5 similar drop(s) not logged"), lines.get(2));
        assertEquals(7, counter.count(DropReason.BAD_AUTH));
    }
}
