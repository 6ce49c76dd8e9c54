package org.vigil.agent.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The node's 16-byte UUID ({@code srcuuid} on the wire). {@code uuidfrom file}: generated once and
 * kept in {@code hb_uuid}; {@code uuidfrom nodename}: derived from the node name, so that a
 * reinstalled node keeps it.
 */
public final class NodeUuid {

    private NodeUuid() {
    }

    public static byte[] load(Path file, boolean fromNodeName, String nodeName) throws IOException {
        if (fromNodeName) {
            return bytes(UUID.nameUUIDFromBytes(nodeName.getBytes(StandardCharsets.UTF_8)));
        }
        if (Files.isRegularFile(file) && Files.size(file) == 16) {
            return Files.readAllBytes(file);
        }
        byte[] fresh = bytes(UUID.randomUUID());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, fresh);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return fresh;
    }

    static byte[] bytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }
}
