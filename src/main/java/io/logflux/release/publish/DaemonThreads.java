package io.logflux.release.publish;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads for work beside the caller's: named, so a thread dump says whose they are, and never keeping a JVM up. */
final class DaemonThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private DaemonThreads() {
    }

    static ThreadFactory named(String prefix) {
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
