package org.vigil.agent.transport.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vigil.agent.testing.netns.Poll;
import org.vigil.agent.testing.netns.Testbed;

/**
 * An endpoint whose medium lives in a {@link ConformanceProbe} JVM inside a test-bed node, so that
 * UDP really crosses network namespaces and a bridge. Each command waits for the probe's
 * {@code DONE}, so "sent" means handed to the medium, as for the in-JVM endpoints.
 */
final class ProbeEndpoint implements MediumEndpoint {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(10);

    private final Testbed.Spawned probe;
    private final Path commands;
    private int nextId;

    private ProbeEndpoint(Testbed.Spawned probe, Path commands) {
        this.probe = probe;
        this.commands = commands;
    }

    /** Starts a probe in {@code node} with the given ha.cf media lines; returns once its media are open. */
    static ProbeEndpoint start(Testbed tb, String node, String haCf) {
        try {
            Path cf = Files.writeString(tb.runDir().resolve("conformance-" + node + ".cf"), haCf);
            Path commands = Files.writeString(tb.runDir().resolve("conformance-" + node + ".commands"), "");
            String java = ProcessHandle.current().info().command().orElse("java");
            Testbed.Spawned p = tb.spawn(node, java, "-cp", System.getProperty("java.class.path"),
                    ConformanceProbe.class.getName(), cf.toString(), commands.toString());
            ProbeEndpoint e = new ProbeEndpoint(p, commands);
            Poll.until("probe in " + node + " to open its media", STARTUP, Duration.ofMillis(20), p::output,
                    o -> o.contains("READY") || !p.isAlive());
            if (!p.output().contains("READY") || p.output().contains("Exception")) {
                p.kill9();
                throw new IllegalStateException("probe in " + node + " failed:\n" + p.output());
            }
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void command(String verb, String arg) {
        int id = ++nextId;
        try {
            Files.writeString(commands, id + " " + verb + " " + arg + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Poll.until("probe to do command " + id + " " + verb, COMMAND, Duration.ofMillis(5), probe::output,
                o -> o.contains("\nDONE " + id + "\n"));
    }

    @Override
    public void send(String text) {
        command("SEND", text);
    }

    @Override
    public void sendMany(String prefix, int count) {
        command("SENDN", prefix + " " + count);
    }

    @Override
    public void sendRaw(byte[] bytes) {
        command("RAW", HexFormat.of().formatHex(bytes));
    }

    @Override
    public void closeMedium() {
        command("CLOSE", "");
    }

    @Override
    public List<Received> received() {
        List<Received> out = new ArrayList<>();
        for (String line : probe.output().split("\n", -1)) {
            if (line.startsWith("RECV ")) {
                String[] p = line.split(" ", 4);
                if (p.length == 4) {
                    out.add(new Received(p[1], p[2], p[3]));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        probe.kill9();
    }
}
