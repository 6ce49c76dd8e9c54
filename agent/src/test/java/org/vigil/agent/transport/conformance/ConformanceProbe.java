package org.vigil.agent.transport.conformance;

import io.netty.channel.nio.NioEventLoopGroup;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.vigil.agent.config.Diagnostics;
import org.vigil.agent.config.HaCfParser;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.MediaFactory;

/**
 * The far end of a {@link ProbeEndpoint}, run inside a test-bed node: opens the media of a small
 * ha.cf with the production classes, prints {@code RECV link sender text} for each frame, and
 * executes commands appended to a file ({@code N SEND text}, {@code N SENDN prefix count},
 * {@code N RAW hex}, {@code N CLOSE}), printing {@code DONE N} after each. A file rather than
 * stdin because the test bed gives spawned processes /dev/null as stdin.
 * Usage: {@code ConformanceProbe HA_CF COMMAND_FILE}.
 */
public final class ConformanceProbe {

    private ConformanceProbe() {
    }

    public static void main(String[] args) throws Exception {
        var config = HaCfParser.parse(args[0], Files.readString(Path.of(args[0])), new Diagnostics(), HostEnvironment.system());
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        List<HeartbeatMedium> media = MediaFactory.create(config.media(), group);
        for (HeartbeatMedium m : media) {
            // println on System.out is synchronized: lines from the transport thread never interleave
            m.start(f -> System.out.println("RECV " + f.linkName() + " " + f.sender().replaceAll(":\\d+$", "") + " "
                    + Frames.unwrap(f.payload())));
        }
        System.out.println("READY " + media.size());
        try (RandomAccessFile commands = new RandomAccessFile(args[1], "r")) {
            StringBuilder pending = new StringBuilder();
            byte[] buf = new byte[65536];
            while (true) {
                int n = commands.read(buf);
                if (n <= 0) {
                    Thread.sleep(2);
                    continue;
                }
                pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                int nl;
                while ((nl = pending.indexOf("\n")) >= 0) {
                    execute(pending.substring(0, nl), media);
                    pending.delete(0, nl + 1);
                }
            }
        }
    }

    private static void execute(String line, List<HeartbeatMedium> media) {
        String[] parts = line.split(" ", 3);
        String id = parts[0];
        String arg = parts.length > 2 ? parts[2] : "";
        switch (parts[1]) {
            case "SEND" -> media.forEach(m -> m.send(Frames.wrap(arg)));
            case "SENDN" -> {
                int space = arg.lastIndexOf(' ');
                String prefix = arg.substring(0, space);
                int count = Integer.parseInt(arg.substring(space + 1));
                for (int i = 0; i < count; i++) {
                    byte[] frame = Frames.wrap(prefix + i);
                    media.forEach(m -> m.send(frame));
                }
            }
            case "RAW" -> media.forEach(m -> m.send(HexFormat.of().parseHex(arg)));
            case "CLOSE" -> media.forEach(HeartbeatMedium::close);
            default -> System.out.println("ERROR unknown command " + line);
        }
        System.out.println("DONE " + id);
    }
}
