package org.vigil.agent.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.wire.DefaultFields;
import org.vigil.agent.wire.HaMessage;
import org.vigil.agent.wire.WireEncoder;

/**
 * Everything we send: numbers each message (one sequence for every type but {@code NS_}),
 * appends Heartbeat's default fields, signs it, sends it on every medium in that medium's framing,
 * and keeps the last 500 sequenced messages so that a peer that lost one can have it again
 * ({@code NS_rexmit}).
 * Used from the membership loop thread only.
 */
final class Outbox {

    /** Heartbeat's history depth for retransmissions. */
    static final int HISTORY = 500;

    private final DefaultFields fields;
    private final WireEncoder encoder;
    private final List<HeartbeatMedium> media;
    private final LongSupplier epochSeconds;
    private final Map<String, byte[]> peerUuids = new ConcurrentHashMap<>();
    private final Map<Long, HaMessage> history = new LinkedHashMap<>(HISTORY * 2) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, HaMessage> eldest) {
            return size() > HISTORY;
        }
    };
    private long seq;

    /** @param epochSeconds wall-clock seconds for the {@code ts} field only; never for liveness */
    Outbox(DefaultFields fields, WireEncoder encoder, List<HeartbeatMedium> media, LongSupplier epochSeconds) {
        this.fields = fields;
        this.encoder = encoder;
        this.media = List.copyOf(media);
        this.epochSeconds = epochSeconds;
    }

    /** Remembers a peer's UUID (from its {@code srcuuid}) for the {@code destuuid} of messages to it. */
    void learnUuid(String node, byte[] uuid) {
        peerUuids.put(node, uuid);
    }

    /** Sends a message body; returns its sequence number (0 for {@code NS_} types, which have none). */
    long send(HaMessage body) {
        boolean control = body.type().map(t -> t.startsWith("NS_")).orElse(false);
        long number = control ? 0 : ++seq;
        byte[] destUuid = body.string("dest").map(peerUuids::get).orElse(null);
        HaMessage full = fields.apply(body, number, epochSeconds.getAsLong(), control ? null : loadAverage(), destUuid);
        if (!control) {
            history.put(number, full);
        }
        transmit(full);
        return number;
    }

    /** Sends an earlier message again, unchanged; false when it is no longer in the history. */
    boolean resend(long number) {
        HaMessage message = history.get(number);
        if (message == null) {
            return false;
        }
        transmit(message);
        return true;
    }

    /** The lowest sequence number still held, or 0 when nothing was sent. */
    long oldestHeld() {
        return history.keySet().stream().findFirst().orElse(0L);
    }

    /** Netstring on UDP, classic (with the inner auth field) on serial; each encoded once. */
    private void transmit(HaMessage message) {
        byte[] netstring = null;
        byte[] classic = null;
        for (HeartbeatMedium m : media) {
            if (m.classicFraming()) {
                classic = classic != null ? classic : encoder.encodeClassic(message, false);
                m.send(classic);
            } else {
                netstring = netstring != null ? netstring : encoder.encodeNetstring(message);
                m.send(netstring);
            }
        }
    }

    /** The first fields of /proc/loadavg, as Heartbeat's {@code ld}; absent when unreadable. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
