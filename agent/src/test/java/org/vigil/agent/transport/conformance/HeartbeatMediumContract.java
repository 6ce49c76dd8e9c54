package org.vigil.agent.transport.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every {@link org.vigil.agent.transport.HeartbeatMedium} must do, whatever carries the bytes:
 * the same assertions run against the simulated network, serial over a pty pair, and real UDP
 * (bcast, ucast, mcast) between network namespaces. A concrete class connects two endpoints and
 * says what the medium guarantees (order, frame size) and how it names links and senders.
 *
 * <p>One pair of endpoints serves all cases of a class (starting probe JVMs is the slow part);
 * every case uses its own random tag, so frames of earlier cases never satisfy a later one. The
 * close case runs last because it ends the pair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class HeartbeatMediumContract {

    private MediumEndpoint a;
    private MediumEndpoint b;

    /** Connects two endpoints on one medium; index 0 is "a", 1 is "b". */
    protected abstract MediumEndpoint[] connect() throws Exception;

    /** The link name a frame must arrive with at endpoint {@code to}. */
    protected abstract String expectedLink(int to);

    /** The sender a frame from {@code from} must carry at {@code to}. */
    protected abstract String expectedSender(int from, int to);

    /** Whether frames from one sender arrive in the order sent. */
    protected abstract boolean ordered();

    /** The largest frame the medium must carry whole, in bytes including the markers. */
    protected abstract int largeFrameBytes();

    /** Lets {@code d} pass for the medium: real time, or the simulated clock. */
    protected void pass(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How long a frame may take at most; generous, since a pass ends as soon as it arrives. */
    protected Duration patience() {
        return Duration.ofSeconds(10);
    }

    private MediumEndpoint endpoint(int i) throws Exception {
        if (a == null) {
            MediumEndpoint[] pair = connect();
            a = pair[0];
            b = pair[1];
        }
        return i == 0 ? a : b;
    }

    @AfterAll
    void disconnect() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        release();
    }

    /** Frees what {@link #connect()} set up around the endpoints, after they are closed. */
    protected void release() throws Exception {
    }

    @Test
    @Order(1)
    void aFrameArrivesWhole_withTheLinkNameAndSender_inBothDirections() throws Exception {
        String tag = tag();
        endpoint(0).send(tag + " from a");
        endpoint(1).send(tag + " from b");
        assertEquals(new Received(expectedLink(1), expectedSender(0, 1), tag + " from a"), awaitText(1, tag + " from a"));
        assertEquals(new Received(expectedLink(0), expectedSender(1, 0), tag + " from b"), awaitText(0, tag + " from b"));
    }

    @Test
    @Order(2)
    void manyFramesInARow_allArrive_inOrderWhereTheMediumGuaranteesIt() throws Exception {
        String prefix = tag() + " #";
        int count = 200;
        endpoint(0).sendMany(prefix, count);
        List<String> got = await("all " + count + " frames", () -> texts(1, prefix), l -> l.size() >= count);
        assertEquals(count, got.size(), "no frame twice: " + got);
        for (int i = 0; i < count; i++) {
            String expected = prefix + i;
            if (ordered()) {
                assertEquals(expected, got.get(i), "frame " + i);
            } else {
                assertTrue(got.contains(expected), "frame " + i + " missing: " + got);
            }
        }
    }

    @Test
    @Order(3)
    void aLargeFrameArrivesWhole() throws Exception {
        int textLength = largeFrameBytes() - Frames.wrap("").length;
        String text = Frames.pattern(tag() + " large ", textLength);
        assertEquals(largeFrameBytes(), Frames.wrap(text).length);
        endpoint(0).send(text);
        Received r = awaitText(1, text);
        assertEquals(expectedLink(1), r.link());
    }

    @Test
    @Order(4)
    void theMediumKeepsWorking_afterAGarbageFrame() throws Exception {
        String tag = tag();
        endpoint(0).sendRaw(Frames.garbage());
        endpoint(0).send(tag + " after garbage");
        awaitText(1, tag + " after garbage");
        endpoint(1).send(tag + " other way");
        awaitText(0, tag + " other way");
    }

    @Test
    @Order(99)
    void nothingArrives_afterClose() throws Exception {
        String tag = tag();
        endpoint(0).send(tag + " before close");
        awaitText(1, tag + " before close");
        endpoint(1).closeMedium();
        for (int i = 0; i < 5; i++) {
            endpoint(0).send(tag + " after close " + i);
        }
        pass(Duration.ofMillis(500));
        List<String> late = texts(1, tag + " after close");
        assertTrue(late.isEmpty(), "delivered after close: " + late);
    }

    private Received awaitText(int to, String text) throws Exception {
        MediumEndpoint e = endpoint(to);
        return await("[" + abbreviate(text) + "] at " + (to == 0 ? "a" : "b"),
                () -> e.received().stream().filter(r -> r.text().equals(text)).findFirst().orElse(null), r -> r != null);
    }

    private List<String> texts(int to, String prefix) {
        MediumEndpoint e = to == 0 ? a : b;
        return e.received().stream().map(Received::text).filter(t -> t.startsWith(prefix)).toList();
    }

    private <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + patience().toNanos();
        long simulated = 0;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            // a simulated clock passes no real time, so bound by both
            if (System.nanoTime() - deadline > 0 || simulated > patience().toMillis()) {
                throw new AssertionError("timed out waiting for " + what + "; last: " + abbreviate(String.valueOf(value)));
            }
            pass(Duration.ofMillis(10));
            simulated += 10;
        }
    }

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...(" + s.length() + " chars)";
    }
}
