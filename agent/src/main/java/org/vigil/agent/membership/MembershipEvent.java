package org.vigil.agent.membership;

/**
 * Everything the membership core reports. Events are delivered on the membership loop thread,
 * in the order the state changed; listeners must not block.
 */
public sealed interface MembershipEvent {

    /** Why a node's status changed. */
    enum Cause {
        /** The node announced a new {@code st}. */
        MESSAGE,
        /** Nothing arrived on any link for longer than its dead time. */
        TIMEOUT,
        /** A heartbeat arrived more than a dead time after the previous one (3.0.6). */
        LATE_HEARTBEAT,
        /** The node sent {@code shutdone}. */
        SHUTDOWN
    }

    /** The local node's own status changed ({@code Local status now set to: 'up'}). */
    record LocalStatusChanged(NodeStatus from, NodeStatus to) implements MembershipEvent { }

    /** Every configured node has been heard from or declared dead. */
    record CommUp() implements MembershipEvent { }

    /** A remote node's status changed. */
    record NodeStatusChanged(String node, NodeStatus from, NodeStatus to, Cause cause)
            implements MembershipEvent { }

    /** One (node, link) pair went up or dead. */
    record LinkStatusChanged(String node, String link, LinkStatus status)
            implements MembershipEvent { }

    /** The gap between two status messages exceeded warntime (or deadtime). */
    record LateHeartbeat(String node, long intervalMs, boolean beyondDeadtime)
            implements MembershipEvent { }

    /** A higher generation arrived: the node restarted and sequence tracking was reset. */
    record NodeRestarted(String node, long oldGeneration, long newGeneration)
            implements MembershipEvent { }

    /** A node marked dead spoke again with the same generation: a partition has healed. */
    record PartitionHealed(String node) implements MembershipEvent { }

    /** A lower generation arrived and the message was dropped. */
    record ReplayRejected(String node, long generation, long currentGeneration)
            implements MembershipEvent { }

    /**
     * Sequence numbers were skipped ({@code lastSeq+1 .. seq-1} are missing). {@code reset} is
     * set when the gap was too large to track (over 250) and tracking restarted at {@code seq}.
     */
    record PacketsLost(String node, long lastSeq, long seq, boolean reset)
            implements MembershipEvent { }

    /**
     * The transport should ask {@code node} to resend {@code seq} ({@code t=NS_rexmit}); pacing
     * (50..max_rexmit_delay ms, repeats) is the transport's job.
     */
    record RetransmitRequested(String node, long seq) implements MembershipEvent { }

    /** Every packet recorded as missing from {@code node} has since arrived. */
    record MissingPacketsRecovered(String node) implements MembershipEvent { }

    /** A {@code shutdone} arrived from {@code node}. */
    record ShutdownNotice(String node) implements MembershipEvent { }

    /** A message from a node that is not configured (autojoin none): dropped. */
    record UnknownSender(String node) implements MembershipEvent { }
}
