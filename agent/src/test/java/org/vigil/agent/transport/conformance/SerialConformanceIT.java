package org.vigil.agent.transport.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.vigil.agent.transport.serial.SerialMedium;

/**
 * {@link SerialMedium} meets the medium contract over a pty pair made by socat (a null-modem
 * cable in software). Sub-second, so a unit test; skipped with the reason when socat is missing.
 * Serial names the sender by the receiving tty: it cannot know more about the far end.
 */
class SerialConformanceIT extends HeartbeatMediumContract {

    private Process socat;
    private Path dir;
    private final String[] devices = new String[2];

    @Override
    protected MediumEndpoint[] connect() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed (apt-get install socat): serial conformance skipped");
        dir = Files.createTempDirectory("vigil-serial-conformance");
        Path ttyA = dir.resolve("ttyA");
        Path ttyB = dir.resolve("ttyB");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + ttyA, "pty,raw,echo=0,link=" + ttyB)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.exists(ttyA) && Files.exists(ttyB)) && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        assumeTrue(Files.exists(ttyA) && Files.exists(ttyB), "socat did not create the pty pair");
        devices[0] = ttyA.toRealPath().toString();
        devices[1] = ttyB.toRealPath().toString();
        return new MediumEndpoint[] {new InJvmEndpoint(new SerialMedium(devices[0], 115200, "ttyA")),
            new InJvmEndpoint(new SerialMedium(devices[1], 115200, "ttyB"))};
    }

    @Override
    protected void release() throws IOException, InterruptedException {
        if (socat != null) {
            socat.destroy();
            socat.waitFor();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    protected String expectedLink(int to) {
        return to == 0 ? "ttyA" : "ttyB";
    }

    @Override
    protected String expectedSender(int from, int to) {
        return devices[to];
    }

    @Override
    protected boolean ordered() {
        return true;
    }

    @Override
    protected int largeFrameBytes() {
        return 8 * 1024;
    }
}
