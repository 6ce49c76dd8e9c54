package org.vigil.agent.node;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.vigil.agent.wire.AuthKey;
import org.vigil.agent.wire.AuthKeys;
import org.vigil.agent.wire.AuthMethod;
import org.vigil.agent.wire.ControlMessages;
import org.vigil.agent.wire.DefaultFields;
import org.vigil.agent.wire.HaMessage;
import org.vigil.agent.wire.NodeIdentity;
import org.vigil.agent.wire.WireEncoder;

/**
 * A test program run in a test-bed node: sends hostile or broken packets to a Vigil node.
 * Usage: {@code PacketInjector TARGET-IP PORT SHA1-KEY COUNT}. Sends COUNT of each kind:
 * random garbage, a truncated signed frame, a frame signed with the wrong key, a correctly signed
 * heartbeat from a node that is not in ha.cf, and a frame with a lying netstring length.
 */
public final class PacketInjector {

    private PacketInjector() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress target = InetAddress.getByName(args[0]);
        int port = Integer.parseInt(args[1]);
        String key = args[2];
        int count = Integer.parseInt(args[3]);
        Random random = new Random(42);
        byte[] good = frame("zed", key);
        byte[] wrongKey = frame("a", "not-the-key");
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < count; i++) {
                byte[] garbage = new byte[1 + random.nextInt(1400)];
                random.nextBytes(garbage);
                send(socket, target, port, garbage);
                send(socket, target, port, Arrays.copyOf(frame("a", key), 120));
                send(socket, target, port, wrongKey);
                send(socket, target, port, frame("zed", key));
                send(socket, target, port, "###\n99999999:(0)t=status,%%%\n".getBytes());
                Thread.sleep(2); // paced: the test counts drops by reason, not kernel buffer overflows
            }
        }
        System.out.println("SENT " + (5 * count) + " " + good.length);
    }

    private static byte[] frame(String src, String key) {
        AuthKeys keys = new AuthKeys(Map.of(1, AuthKey.of(AuthMethod.SHA1, key)), 1);
        HaMessage full = new DefaultFields(new NodeIdentity(src, new byte[16], 7), 3)
                .apply(ControlMessages.status("active", 1000), 1, System.currentTimeMillis() / 1000, "0.00", null);
        return new WireEncoder(keys).encodeNetstring(full);
    }

    private static void send(DatagramSocket socket, InetAddress target, int port, byte[] data) throws Exception {
        socket.send(new DatagramPacket(data, data.length, target, port));
    }
}
