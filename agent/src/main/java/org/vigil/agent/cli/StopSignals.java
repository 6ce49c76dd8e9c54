package org.vigil.agent.cli;

import java.lang.System.Logger.Level;

/**
 * SIGTERM and SIGINT stop the agent gracefully and let {@code vigil run} exit 0, as an init
 * system expects of a clean stop; with only a shutdown hook the JVM would exit 143. Uses the
 * JDK's {@code sun.misc.Signal} (module jdk.unsupported) when present, else the shutdown hook
 * alone does the work.
 */
final class StopSignals {

    private static final System.Logger LOG = System.getLogger(StopSignals.class.getName());

    private StopSignals() {
    }

    static void onTermOrInt(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    LOG.log(Level.INFO, "Received SIG" + name + ": shutting down.");
                    new Thread(stop, "vigil-stop").start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.log(Level.DEBUG, "cannot handle SIG" + name + ": " + e.getMessage());
            }
        }
    }
}
