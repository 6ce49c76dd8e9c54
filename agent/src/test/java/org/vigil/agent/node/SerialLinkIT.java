package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.config.ConfigLoader;
import org.vigil.agent.config.ConfigPaths;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.config.LoadedConfig;
import org.vigil.agent.config.ResourceCatalog;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.time.Ticker;

/**
 * Two Vigil nodes joined only by a serial line (a socat pty pair standing in for the null-modem
 * cable): they see each other active over classic frames, and a crash is noticed by silence.
 */
class SerialLinkIT {

    @TempDir
    Path dir;

    @Test
    void twoNodesOverASerialLine_seeEachOther_andNoticeACrash() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed: skipped");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + dir.resolve("ttyA"),
                "pty,raw,echo=0,link=" + dir.resolve("ttyB")).start();
        VigilNode a = null;
        VigilNode b = null;
        try {
            await(() -> Files.exists(dir.resolve("ttyA")) && Files.exists(dir.resolve("ttyB")), 10_000);
            a = node("a", dir.resolve("ttyA").toRealPath());
            b = node("b", dir.resolve("ttyB").toRealPath());
            VigilNode fa = a;
            VigilNode fb = b;
            assertTrue(await(() -> fa.snapshot().statusOf("b") == NodeStatus.ACTIVE
                    && fb.snapshot().statusOf("a") == NodeStatus.ACTIVE, 20_000), "active over the serial line");
            assertTrue(await(() -> System.nanoTime() > 0 && fa.snapshot().node("b").orElseThrow().deadtime().toMillis() == 1000,
                    10_000), "b's start-up grace is over");
            b.crash();
            long t0 = System.nanoTime();
            assertTrue(await(() -> fa.snapshot().statusOf("b") == NodeStatus.DEAD, 5_000));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms <= 2_500, "dead after " + ms + " ms");
            assertEquals(0, a.droppedMessages().size(), "nothing refused on the line: " + a.droppedMessages());
        } finally {
            if (a != null) {
                a.stop();
            }
            if (b != null) {
                b.stop();
            }
            socat.destroy();
        }
    }

    private VigilNode node(String name, Path tty) throws IOException {
        Path conf = Files.createDirectories(dir.resolve(name));
        Files.writeString(conf.resolve("ha.cf"), "keepalive 200ms\ndeadtime 1\nwarntime 500ms\ninitdead 10\nbaud 115200\n"
                + "serial " + tty + "\nauto_failback on\nlogfacility none\nnode a b\n");
        Files.writeString(conf.resolve("authkeys"), "auth 1\n1 sha1 serial-key\n");
        Files.setPosixFilePermissions(conf.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(conf.resolve("haresources"), "");
        HostEnvironment host = HostEnvironment.system();
        LoadedConfig loaded = new ConfigLoader(host).load(ConfigPaths.in(conf), Optional.of(name), ResourceCatalog.standard(conf, host));
        assertTrue(!loaded.hasErrors(), loaded.diagnostics().toString());
        VigilNode node = new VigilNode(loaded.config(), new NodeOptions(conf.resolve("state"), true, false), Ticker.system());
        node.start((from, message, now) -> { });
        return node;
    }

    private static boolean await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
