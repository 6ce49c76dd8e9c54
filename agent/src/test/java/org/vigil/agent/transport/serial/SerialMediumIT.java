package org.vigil.agent.transport.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.transport.InboundFrame;

/** Two serial media over a real pty pair made by socat, as a null-modem cable would connect them. */
class SerialMediumIT {

    @TempDir
    Path dir;

    private Process socat;
    private SerialMedium a;
    private SerialMedium b;
    private final BlockingQueue<InboundFrame> atA = new LinkedBlockingQueue<>();
    private final BlockingQueue<InboundFrame> atB = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed (apt-get install socat): serial tests skipped");
        Path ttyA = dir.resolve("ttyA");
        Path ttyB = dir.resolve("ttyB");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + ttyA, "pty,raw,echo=0,link=" + ttyB)
                .redirectErrorStream(true).start();
        waitFor(ttyA);
        waitFor(ttyB);
        a = new SerialMedium(ttyA.toRealPath().toString(), 115200, "ttyA");
        b = new SerialMedium(ttyB.toRealPath().toString(), 115200, "ttyB");
        a.start(atA::add);
        b.start(atB::add);
    }

    private static void waitFor(Path link) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(link) && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        assumeTrue(Files.exists(link), "socat did not create " + link);
    }

    @AfterEach
    void disconnect() throws IOException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (socat != null) {
            socat.destroy();
        }
    }

    @Test
    void framesCrossTheLine_inBothDirections_whole() throws InterruptedException {
        byte[] one = ">>>\nt=status\nsrc=a\nseq=1\n<<<\n".getBytes(StandardCharsets.US_ASCII);
        byte[] two = (">>>\nt=status\nsrc=b\nld=" + "x".repeat(3000) + "\n<<<\n").getBytes(StandardCharsets.US_ASCII);
        a.send(one);
        b.send(two);
        InboundFrame gotB = atB.poll(5, TimeUnit.SECONDS);
        InboundFrame gotA = atA.poll(5, TimeUnit.SECONDS);
        assertNotNull(gotB);
        assertNotNull(gotA);
        assertArrayEquals(one, gotB.payload());
        assertArrayEquals(two, gotA.payload());
        assertEquals("ttyB", gotB.linkName());
        assertEquals(0, a.sendErrors() + b.sendErrors());
    }

    @Test
    void manyFramesInARow_arriveInOrder() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            a.send((">>>\nseq=" + i + "\n<<<\n").getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 50; i++) {
            InboundFrame f = atB.poll(5, TimeUnit.SECONDS);
            assertNotNull(f, "frame " + i);
            assertEquals(">>>\nseq=" + i + "\n<<<\n", new String(f.payload(), StandardCharsets.US_ASCII));
        }
    }
}
