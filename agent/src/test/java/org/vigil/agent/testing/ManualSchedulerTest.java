package org.vigil.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.LoopScheduler;
import org.vigil.agent.time.FakeTicker;

class ManualSchedulerTest {

    private final FakeTicker ticker = new FakeTicker(); // one minute before Long.MAX_VALUE
    private final long t0 = ticker.nanoTime();
    private final ManualScheduler s = new ManualScheduler(ticker);
    private final List<String> ran = new ArrayList<>();

    private long ms() {
        return (ticker.nanoTime() - t0) / 1_000_000L;
    }

    @Test
    void tasksRunAtTheirDueTime_inOrder_acrossTheWrap() {
        s.schedule(() -> ran.add("b@" + ms()), Duration.ofSeconds(90)); // past Long.MAX_VALUE
        s.schedule(() -> ran.add("a@" + ms()), Duration.ofSeconds(30));
        s.execute(() -> ran.add("now@" + ms()));
        s.advance(Duration.ofMinutes(2));
        assertEquals(List.of("now@0", "a@30000", "b@90000"), ran);
        assertEquals(120_000, ms());
    }

    @Test
    void fixedRate_andCancel() {
        LoopScheduler.Cancellable c = s.scheduleAtFixedRate(() -> ran.add("t@" + ms()),
                Duration.ofMillis(100), Duration.ofMillis(250));
        s.advance(Duration.ofMillis(700));
        c.cancel();
        s.advance(Duration.ofSeconds(1));
        assertEquals(List.of("t@100", "t@350", "t@600"), ran);
    }

    @Test
    void tiesRunInSubmissionOrder_andTasksMaySubmitForNow() {
        s.schedule(() -> {
            ran.add("1");
            s.execute(() -> ran.add("3"));
        }, Duration.ofMillis(5));
        s.schedule(() -> ran.add("2"), Duration.ofMillis(5));
        s.advance(Duration.ofMillis(5));
        assertEquals(List.of("1", "2", "3"), ran);
    }
}
