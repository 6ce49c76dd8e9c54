package org.vigil.agent.transport;

import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vigil.agent.config.Diagnostics;
import org.vigil.agent.config.HaCfParser;
import org.vigil.agent.config.HostEnvironment;

/**
 * A test program run inside a test-bed node: opens the media of a small ha.cf with the production
 * classes, prints every frame it receives ({@code RECV link sender payload}), and sends
 * {@code hello <tag> <i>} every 100 ms, {@code count} times. Usage:
 * {@code MediumProbe HA_CF TAG COUNT}.
 */
public final class MediumProbe {

    private MediumProbe() {
    }

    public static void main(String[] args) throws Exception {
        String haCf = Files.readString(Path.of(args[0]));
        String tag = args[1];
        int count = Integer.parseInt(args[2]);
        var config = HaCfParser.parse(args[0], haCf, new Diagnostics(), HostEnvironment.system());
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        List<HeartbeatMedium> media = MediaFactory.create(config.media(), group);
        List<HeartbeatMedium> open = new ArrayList<>();
        for (HeartbeatMedium m : media) {
            try {
                m.start(f -> System.out.println("RECV " + f.linkName() + " " + f.sender().replaceAll(":\\d+$", "") + " "
                        + new String(f.payload(), StandardCharsets.UTF_8)));
                open.add(m);
            } catch (MediumException e) {
                System.out.println("ERROR " + e.getMessage());
            }
        }
        System.out.println("READY " + open.size());
        for (int i = 0; i < count; i++) {
            byte[] frame = ("hello " + tag + " " + i).getBytes(StandardCharsets.UTF_8);
            open.forEach(m -> m.send(frame));
            Thread.sleep(100);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
