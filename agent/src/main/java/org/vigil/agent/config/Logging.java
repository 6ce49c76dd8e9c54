package org.vigil.agent.config;

/**
 * Where the agent logs. Empty strings mean "not set". {@code facility} is a syslog facility name
 * or {@code none}.
 */
public record Logging(String logfile, String debugfile, String facility, boolean syslogFormat) {

    public boolean anyDestination() {
        return !logfile.isEmpty() || !debugfile.isEmpty() || (!facility.isEmpty() && !facility.equals("none"));
    }
}
