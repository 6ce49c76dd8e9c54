package org.vigil.agent.membership;

/**
 * The inbound message types membership cares about.
 *
 * <ul>
 *   <li>{@link #STATUS}: {@code t=status}, the periodic heartbeat;</li>
 *   <li>{@link #SHUTDONE}: {@code t=shutdone}, a peer's graceful-stop notice (dead at once);</li>
 *   <li>{@link #PING}: an echo reply from a ping node ({@code t=NS_st}, no seq, no generation);</li>
 *   <li>{@link #OTHER}: any other sequenced message (resource protocol, reqnodes...). Heartbeat
 *       numbers every message type in one sequence, so these must feed the same duplicate and
 *       gap tracking, and they prove the sender alive; they carry no status.</li>
 * </ul>
 */
public enum MessageKind {
    STATUS, SHUTDONE, PING, OTHER
}
