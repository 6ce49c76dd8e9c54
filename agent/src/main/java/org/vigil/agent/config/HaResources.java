package org.vigil.agent.config;

import java.util.List;

/** haresources: the resource groups in file order. */
public record HaResources(String file, List<ResourceGroup> groups) {

    public HaResources {
        groups = List.copyOf(groups);
    }

    public static HaResources none(String file) {
        return new HaResources(file, List.of());
    }
}
