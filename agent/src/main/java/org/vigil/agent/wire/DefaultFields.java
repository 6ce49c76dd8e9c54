package org.vigil.agent.wire;

import java.util.Objects;

/**
 * Appends the fields Heartbeat adds to every outgoing message, in its order:
 * {@code [destuuid] src srcuuid seq hg ts ld ttl}; {@code auth} comes later from
 * {@link WireEncoder}. Types starting {@code NS_} (node-to-node control) get no {@code seq} and no
 * {@code ld}. Numbers are hex except {@code ttl}.
 *
 * <p>No clock is read here: the caller passes wall-clock seconds for {@code ts}, which keeps this
 * deterministic and testable.
 */
public final class DefaultFields {

    private final NodeIdentity self;
    private final int ttl;

    /**
     * @param ttl hop count, Heartbeat's node count + {@code hopfudge}
     */
    public DefaultFields(NodeIdentity self, int ttl) {
        this.self = Objects.requireNonNull(self, "self");
        if (ttl < 0) {
            throw new IllegalArgumentException("negative ttl");
        }
        this.ttl = ttl;
    }

    /**
     * Returns {@code body} with the default fields appended.
     *
     * @param seq              this process's next sequence number (ignored for NS_ types)
     * @param wallClockSeconds seconds since the epoch, for {@code ts}
     * @param loadAverage      the text of /proc/loadavg for {@code ld}, or null to omit it
     *                         (ignored for NS_ types)
     * @param destUuid         the UUID of {@code dest} when the message has one and it is known,
     *                         else null
     * @throws IllegalArgumentException if {@code body} has no {@code t} or already has a default
     *     field
     */
    public HaMessage apply(HaMessage body, long seq, long wallClockSeconds, String loadAverage,
            byte[] destUuid) {
        String type = body.type().orElseThrow(
                () -> new IllegalArgumentException("message has no t field"));
        boolean control = type.startsWith("NS_");
        HaMessage.Builder b = body.toBuilder();
        if (body.has("dest") && destUuid != null) {
            b.addBinary("destuuid", destUuid);
        }
        b.add("src", self.name());
        b.addBinary("srcuuid", self.uuid());
        if (!control) {
            b.addHex("seq", seq);
        }
        b.addHex("hg", self.generation());
        b.addHex("ts", wallClockSeconds);
        if (!control && loadAverage != null) {
            b.add("ld", loadAverage);
        }
        b.addDecimal("ttl", ttl);
        return b.build();
    }
}
