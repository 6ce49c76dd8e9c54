package org.vigil.agent.log;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vigil.agent.config.Logging;

/**
 * Sends Vigil's logging (System.Logger, which goes to java.util.logging) where ha.cf says:
 * {@code logfile} (info and up), {@code debugfile} (everything), {@code logfacility} (syslog), and
 * standard error when running in the foreground.
 */
public final class LogSetup {

    private LogSetup() {
    }

    /** Replaces the root logger's handlers; returns them, so a caller can reopen or close them. */
    public static List<Handler> configure(Logging logging, String node, boolean foreground, boolean debug) throws IOException {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        HeartbeatFormatter formatter = new HeartbeatFormatter(node, logging.syslogFormat(), Clock.systemDefaultZone());
        List<Handler> handlers = new ArrayList<>();
        if (!logging.logfile().isEmpty()) {
            handlers.add(new LineFileHandler(java.nio.file.Path.of(logging.logfile()), Level.INFO, formatter));
        }
        if (!logging.debugfile().isEmpty()) {
            handlers.add(new LineFileHandler(java.nio.file.Path.of(logging.debugfile()), Level.ALL, formatter));
        }
        if (!logging.facility().isEmpty() && !logging.facility().equals("none")) {
            handlers.add(new SyslogHandler(logging.facility(), formatter));
        } else if (!logging.anyDestination()) {
            handlers.add(new SyslogHandler("daemon", formatter));
        }
        if (foreground) {
            ConsoleHandler stderr = new ConsoleHandler();
            stderr.setFormatter(formatter);
            stderr.setLevel(debug ? Level.ALL : Level.INFO);
            handlers.add(stderr);
        }
        handlers.forEach(root::addHandler);
        root.setLevel(debug || !logging.debugfile().isEmpty() ? Level.ALL : Level.INFO);
        quietLibraries();
        return handlers;
    }

    /** Netty and Quartz are chatty at debug level; their warnings still come through. */
    private static void quietLibraries() {
        Logger.getLogger("io.netty").setLevel(Level.INFO);
        Logger.getLogger("org.quartz").setLevel(Level.INFO);
    }
}
