/**
 * The health checks of the checks file, wired into the agent: {@link org.vigil.agent.health.HealthService}
 * runs them and hands the policy's decisions to {@link org.vigil.agent.health.HealthActions};
 * {@link org.vigil.agent.health.StatusFile} is how {@code vigil checks} sees them from another process.
 */
package org.vigil.agent.health;
