package org.vigil.agent.config;

import java.util.Map;
import org.vigil.checks.HealthCheck;
import org.vigil.checks.policy.AlertPolicy;
import org.vigil.checks.policy.EscalationPolicy;
import org.vigil.checks.schedule.Schedule;

/**
 * One {@code service} of the checks file: the check, when and how often it runs, when it alerts,
 * and what a failure does to the group it watches. {@code options} keeps what was written
 * (secrets included: never log it whole).
 */
public record CheckDefinition(String name, String group, String type, HealthCheck check, Schedule schedule,
        AlertPolicy alertPolicy, EscalationPolicy escalation, Map<String, String> options, int line) {

    public CheckDefinition {
        options = Map.copyOf(options);
    }
}
