package org.vigil.agent.log;

import java.util.logging.Level;

/** Heartbeat's CRIT severity, above ERROR: node returning after partition, resource stop failure. */
public final class Crit extends Level {

    private static final long serialVersionUID = 1L;

    public static final Level CRIT = new Crit();

    private Crit() {
        super("CRIT", 1100);
    }

    /** Logs at CRIT through java.util.logging (System.Logger has no such level). */
    public static void log(String loggerName, String message) {
        java.util.logging.Logger.getLogger(loggerName).log(CRIT, message);
    }
}
