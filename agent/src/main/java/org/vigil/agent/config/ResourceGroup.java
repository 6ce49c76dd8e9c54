package org.vigil.agent.config;

import java.util.List;

/**
 * One haresources line: the preferred node and its resources, started left to right and stopped
 * right to left. The first resource, as written, is the group's key.
 */
public record ResourceGroup(String node, String nodeAsWritten, List<ResourceSpec> resources, int line) {

    public ResourceGroup {
        resources = List.copyOf(resources);
    }

    public String key() {
        return resources.get(0).text();
    }
}
