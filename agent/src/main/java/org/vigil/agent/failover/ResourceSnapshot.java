package org.vigil.agent.failover;

import java.util.List;

/**
 * An immutable picture of the resource manager for the CLI and JMX.
 *
 * @param localNode our node name
 * @param phase where start-up/shutdown stands ({@code waiting}, {@code starting}, {@code stable}, ...)
 * @param stable what we announce as {@code isstable}
 * @param maintenance whether resource management is suspended
 * @param held what we announce as {@code rsc_hold}
 * @param groups every haresources group, in file order
 */
public record ResourceSnapshot(String localNode, String phase, boolean stable, boolean maintenance, RscHold held,
        List<GroupSnapshot> groups) {

    public ResourceSnapshot {
        groups = List.copyOf(groups);
    }
}
