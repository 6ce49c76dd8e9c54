package org.vigil.agent.node;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.MembershipListener;

/**
 * Counts the messages membership refused after they passed decoding and authentication: replays
 * (an older generation) and senders that are not configured nodes. The codec's own drops are in
 * the {@link org.vigil.agent.wire.DropCounter}; {@code vigil status} shows both.
 */
final class RejectedMessages implements MembershipListener {

    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong unknownSenders = new AtomicLong();

    @Override
    public void onEvent(MembershipEvent event) {
        if (event instanceof MembershipEvent.ReplayRejected) {
            replays.incrementAndGet();
        } else if (event instanceof MembershipEvent.UnknownSender) {
            unknownSenders.incrementAndGet();
        }
    }

    /** Reason → count, for the status report, together with the codec's drop counts. */
    Map<String, Long> counts(Map<? extends Enum<?>, Long> codecDrops, long malformed, long unknownNodes) {
        Map<String, Long> all = new TreeMap<>();
        codecDrops.forEach((reason, n) -> {
            if (n > 0) {
                all.put(reason.name().toLowerCase(), n);
            }
        });
        put(all, "replay", replays.get());
        put(all, "unknown_node", unknownSenders.get() + unknownNodes);
        put(all, "missing_fields", malformed);
        return all;
    }

    private static void put(Map<String, Long> all, String key, long n) {
        if (n > 0) {
            all.put(key, n);
        }
    }
}
