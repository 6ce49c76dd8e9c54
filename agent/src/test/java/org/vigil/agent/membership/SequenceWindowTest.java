package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.SequenceWindow.Kind;

class SequenceWindowTest {

    private final SequenceWindow w = new SequenceWindow();

    private Kind k(long gen, long seq) {
        return w.classify(gen, seq).kind();
    }

    @Test
    void inOrder_duplicate_stale() {
        assertEquals(Kind.FIRST, k(5, 10));
        assertEquals(Kind.NEXT, k(5, 11));
        assertEquals(Kind.DUPLICATE, k(5, 11));
        assertEquals(Kind.STALE, k(5, 9));
        assertTrue(w.classify(5, 11).refreshesLiveness());
        assertFalse(w.classify(5, 3).refreshesLiveness());
    }

    @Test
    void gap_recordsMissing_thenRecovers() {
        k(1, 1);
        SequenceWindow.Verdict v = w.classify(1, 5);
        assertEquals(Kind.GAP, v.kind());
        assertEquals(1, v.lastSeq());
        assertEquals(new TreeSet<>(List.of(2L, 3L, 4L)), w.missing());
        assertEquals(Kind.RECOVERED, k(1, 3));
        assertFalse(w.classify(1, 2).allRecovered());
        assertTrue(w.classify(1, 4).allRecovered());
        assertEquals(Kind.STALE, k(1, 3)); // recovered once only
        assertEquals(5, w.lastSeq());
    }

    @Test
    void hugeGap_resetsTracking() {
        k(1, 1);
        assertEquals(Kind.NEXT, k(1, 2));
        assertEquals(Kind.GAP_RESET, k(1, 2 + SequenceWindow.MAX_GAP + 2));
        assertTrue(w.missing().isEmpty());
        assertEquals(Kind.GAP, k(1, 2 + SequenceWindow.MAX_GAP + 4)); // one missing: tracked
    }

    @Test
    void gapOfExactlyMaxIsTracked() {
        k(1, 1);
        assertEquals(Kind.GAP, k(1, 2 + SequenceWindow.MAX_GAP));
        assertEquals(SequenceWindow.MAX_GAP, w.missing().size());
    }

    @Test
    void generations_replayAndRestart() {
        k(7, 100);
        SequenceWindow.Verdict replay = w.classify(6, 500);
        assertEquals(Kind.REPLAY, replay.kind());
        assertEquals(7, replay.previousGeneration());
        assertFalse(replay.refreshesLiveness());
        SequenceWindow.Verdict restart = w.classify(8, 1);
        assertEquals(Kind.RESTART, restart.kind());
        assertEquals(7, restart.previousGeneration());
        assertEquals(Kind.NEXT, k(8, 2)); // tracking restarted at the new seq
        assertEquals(Kind.REPLAY, k(7, 101));
    }

    @Test
    void missingOlderThanSenderHistory_isForgotten() {
        k(1, 1);
        k(1, 3); // 2 missing
        for (long s = 4; s < 3 + SequenceWindow.HISTORY; s++) {
            k(1, s);
        }
        k(1, 3 + SequenceWindow.HISTORY + 1); // a new gap prunes holes the sender cannot fill
        assertFalse(w.missing().contains(2L));
    }
}
