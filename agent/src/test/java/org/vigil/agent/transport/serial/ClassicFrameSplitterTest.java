package org.vigil.agent.transport.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassicFrameSplitterTest {

    private static final String ONE = ">>>\nt=status\nsrc=a\n<<<\n";
    private static final String TWO = ">>>\nt=status\nsrc=b\nseq=2\n<<<\n";

    private static List<String> feed(ClassicFrameSplitter s, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        s.feed(b, b.length).forEach(f -> out.add(new String(f, StandardCharsets.ISO_8859_1)));
        return out;
    }

    @Test
    void feed_wholeMessages_comeOutWhole() {
        assertEquals(List.of(ONE, TWO), feed(new ClassicFrameSplitter(1024), ONE + TWO));
    }

    @Test
    void feed_lineNoiseBeforeAndBetween_isSkipped() {
        assertEquals(List.of(ONE, TWO), feed(new ClassicFrameSplitter(1024), "\u0000garbage>>\n" + ONE + "<<<\nnoise" + TWO));
    }

    @Test
    void feed_anySplitOfTheStream_givesTheSameMessages() {
        Random random = new Random(7);
        String stream = "xx" + ONE + TWO + ONE;
        for (int round = 0; round < 500; round++) {
            ClassicFrameSplitter s = new ClassicFrameSplitter(1024);
            List<String> out = new ArrayList<>();
            int at = 0;
            while (at < stream.length()) {
                int n = 1 + random.nextInt(Math.min(20, stream.length() - at));
                out.addAll(feed(s, stream.substring(at, at + n)));
                at += n;
            }
            assertEquals(List.of(ONE, TWO, ONE), out);
        }
    }

    @Test
    void feed_messageWithoutEnd_isDroppedAtTheLimit_andTheNextOneSurvives() {
        ClassicFrameSplitter s = new ClassicFrameSplitter(64);
        List<String> out = feed(s, ">>>\n" + "x".repeat(200) + ONE);
        assertEquals(List.of(ONE), out);
        assertEquals(1, s.dropped());
    }

    @Test
    void feed_aCutMessage_doesNotSwallowTheNextOne() {
        ClassicFrameSplitter s = new ClassicFrameSplitter(1024);
        assertEquals(List.of(TWO), feed(s, ">>>\nt=status\nsrc=a\n" + TWO));
        assertEquals(1, s.dropped());
    }

    @Test
    void feed_aLongBabble_isLinear() {
        ClassicFrameSplitter s = new ClassicFrameSplitter(256 * 1024);
        byte[] babble = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(babble, (byte) 'x');
        babble[0] = '>';
        babble[1] = '>';
        babble[2] = '>';
        babble[3] = '\n';
        long ops = 0;
        for (int at = 0; at < babble.length; at += 4096) {
            ops += s.feed(java.util.Arrays.copyOfRange(babble, at, at + 4096), 4096).size();
        }
        assertEquals(0, ops);
        assertEquals(1, s.dropped(), "one oversized message; the rest is noise outside a message");
        assertEquals(List.of(ONE), feed(s, ONE));
    }
}
