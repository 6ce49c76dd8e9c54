package org.vigil.agent.membership;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fans events out to listeners. A failing listener is logged and skipped: one bad consumer must
 * not stop membership from declaring the next node dead.
 */
final class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());

    // Copy-on-write so listeners may be added from another thread before the loop starts.
    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();

    void add(MembershipListener l) {
        listeners.add(l);
    }

    void remove(MembershipListener l) {
        listeners.remove(l);
    }

    void emit(MembershipEvent e) {
        for (MembershipListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.log(Level.SEVERE, "membership listener " + l + " failed on " + e, ex);
            }
        }
    }
}
