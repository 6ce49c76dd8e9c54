package org.vigil.agent.membership;

/**
 * The inbound message types membership cares about.
 *
 * <ul>
 *   <li>{@link #STATUS}: {@code t=status}, the periodic heartbeat;</li>
 *   <li>{@link #SHUTDONE}: {@code t=shutdone}, a peer's graceful-stop notice (dead at once);</li>
 *   <li>{@link #PING}: an echo reply from a ping node ({@code t=NS_st}, no seq, no generation).</li>
 * </ul>
 */
public enum MessageKind {
    STATUS, SHUTDONE, PING
}
