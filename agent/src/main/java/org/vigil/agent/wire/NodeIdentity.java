package org.vigil.agent.wire;

import java.util.Objects;

/**
 * Who we are on the wire: node name ({@code src}), 16-byte UUID ({@code srcuuid}) and the
 * generation of this run ({@code hg}, incremented at every start).
 */
public final class NodeIdentity {

    /** Size of a Heartbeat UUID. */
    public static final int UUID_BYTES = 16;

    private final String name;
    private final byte[] uuid;
    private final long generation;

    public NodeIdentity(String name, byte[] uuid, long generation) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty node name");
        }
        if (uuid.length != UUID_BYTES) {
            throw new IllegalArgumentException("uuid must be 16 bytes, not " + uuid.length);
        }
        this.uuid = uuid.clone();
        this.generation = generation;
    }

    public String name() {
        return name;
    }

    public byte[] uuid() {
        return uuid.clone();
    }

    public long generation() {
        return generation;
    }

    @Override
    public String toString() {
        return "NodeIdentity[" + name + ", hg=" + Long.toHexString(generation) + "]";
    }
}
