package org.vigil.agent.membership;

/** Receives membership events on the membership loop thread. Must not block. */
@FunctionalInterface
public interface MembershipListener {
    void onEvent(MembershipEvent event);
}
