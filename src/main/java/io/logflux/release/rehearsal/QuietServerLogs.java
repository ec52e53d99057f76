package io.logflux.release.rehearsal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undertow and XNIO announce themselves at INFO ("XNIO version …") through JBoss Logging; on the command line that
 * would land in the user's output. Their logs go to java.util.logging, warnings and worse only.
 */
final class QuietServerLogs {
    /** Held so the JDK does not collect the loggers and forget their levels. */
    private static final List<Logger> LOGGERS = List.of(Logger.getLogger("org.xnio"), Logger.getLogger("org.jboss"),
            Logger.getLogger("io.undertow"), Logger.getLogger("org.wildfly"));

    private QuietServerLogs() {
    }

    static void apply() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk");
        }
        LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
