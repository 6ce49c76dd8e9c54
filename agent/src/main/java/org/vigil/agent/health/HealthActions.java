package org.vigil.agent.health;

import java.time.Instant;

/**
 * What the health checks ask of the rest of the agent. The node runtime implements it: alerts go
 * to the log (later to mail and SNMP traps), restarts through the resource agent, moves through
 * the resource manager.
 *
 * <p>Calls come from {@link HealthService} one at a time, in the order the policy decided them,
 * never while the service holds its state lock: an implementation may call back into the service
 * ({@link HealthService#snapshot}, {@link HealthService#clear}) from any thread. They come on a
 * check scheduler thread, so an implementation that takes long (a restart, a move) should hand
 * the work to its own executor; until it returns, further actions wait in the queue. An exception
 * thrown here is logged and does not stop later actions.
 *
 * <p>One thread delivers at a time: when another thread's decision (say an operator's
 * {@code clear}) comes while an action is being delivered, that call returns at once and its
 * action is delivered right after the current one, by the delivering thread.
 */
public interface HealthActions {

    /** A check alerts (mon's alert, upalert, startupalert; flapping; restarts exhausted). */
    void alert(HealthAlert alert);

    /**
     * Restart {@code resource} of {@code group} on this node (Pacemaker's local recovery).
     *
     * @param attempt     1 for the first restart within the restart window
     * @param maxAttempts {@code max_restarts}
     */
    void restartResource(String group, String resource, String check, int attempt, int maxAttempts);

    /**
     * Move {@code group} to the peer: this node must not hold it until {@code until} (the failures
     * age out), or until an operator clears the check when {@code until} is null.
     */
    void moveGroup(String group, String check, String reason, Instant until);

    /** This node may hold {@code group} again (failures aged out, or {@code byOperator} cleared them). */
    void eligibleAgain(String group, String check, boolean byOperator);
}
