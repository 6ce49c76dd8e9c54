package org.vigil.agent.failover.resource;

/**
 * One resource of a group: an address, a file system, a service. Operations are synchronous and
 * bounded by the agent's timeout; none throws.
 */
public interface ResourceAgent {

    /** As written in haresources, e.g. {@code IPaddr2::10.0.0.10/24/eth0}. */
    String name();

    OpResult start();

    OpResult stop();

    OpResult status();

    /**
     * Whether start announces the resource to the network (a virtual address sends ARP or
     * neighbour advertisements): such a resource is started even when it already runs, because
     * the announcement is what moves the clients.
     */
    default boolean startAnnounces() {
        return false;
    }
}
