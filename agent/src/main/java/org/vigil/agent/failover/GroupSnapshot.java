package org.vigil.agent.failover;

import java.util.Optional;

/**
 * One group as the resource manager sees it.
 *
 * @param key the group key (its first resource as written)
 * @param preferredNode the haresources node column
 * @param holder the node we believe holds it: ourselves when {@code state} is not STOPPED, else
 *     the peer whose announcements cover it, else empty
 * @param state what this node is doing with it
 * @param lastChange the Ticker reading of the last change of {@code state}
 * @param eligible false while a check escalation made this node ineligible for it
 */
public record GroupSnapshot(String key, String preferredNode, Optional<String> holder, GroupState state,
        long lastChange, boolean eligible) {
}
