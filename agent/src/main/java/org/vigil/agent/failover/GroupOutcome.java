package org.vigil.agent.failover;

import java.util.List;

/**
 * What starting or stopping a group did. {@code failedResource} names the resource that failed
 * (empty on success); {@code stopFailed} means a resource could not be stopped even after the
 * retries: the node may still hold it, so the caller must escalate (never let two nodes hold it).
 */
public record GroupOutcome(String group, boolean success, String failedResource, boolean stopFailed, List<String> log) {

    public GroupOutcome {
        log = List.copyOf(log);
    }
}
