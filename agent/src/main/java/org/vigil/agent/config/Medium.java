package org.vigil.agent.config;

/**
 * One heartbeat medium from ha.cf. Every message goes out on every medium; the link name is the
 * interface or tty name, so two media on one interface share a link name, as in Heartbeat.
 */
public sealed interface Medium {

    /** The name used in {@code Link node:NAME dead.} and for per-link state. */
    String linkName();

    /** The ha.cf line that declared it. */
    int line();

    /** {@code bcast IFACE}: UDP to the interface's broadcast address. */
    record Bcast(String iface, int port, int line) implements Medium {
        @Override
        public String linkName() {
            return iface;
        }
    }

    /** {@code mcast IFACE GROUP PORT TTL LOOP}: the port comes from the line, not udpport. */
    record Mcast(String iface, String group, int port, int ttl, boolean loop, int line) implements Medium {
        @Override
        public String linkName() {
            return iface;
        }
    }

    /** {@code mcast6 IFACE GROUP PORT TTL LOOP}. */
    record Mcast6(String iface, String group, int port, int ttl, boolean loop, int line) implements Medium {
        @Override
        public String linkName() {
            return iface;
        }
    }

    /** {@code ucast IFACE PEER}: unicast to one peer; a ucast to ourselves is harmless. */
    record Ucast(String iface, String peer, int port, int line) implements Medium {
        @Override
        public String linkName() {
            return iface;
        }
    }

    /** {@code ucast6 IFACE PEER}. */
    record Ucast6(String iface, String peer, int port, int line) implements Medium {
        @Override
        public String linkName() {
            return iface;
        }
    }

    /** {@code serial DEVICE}: 8N1 at the baud rate in force when the line was read. */
    record Serial(String device, int baud, int line) implements Medium {
        @Override
        public String linkName() {
            int slash = device.lastIndexOf('/');
            return slash < 0 ? device : device.substring(slash + 1);
        }
    }
}
