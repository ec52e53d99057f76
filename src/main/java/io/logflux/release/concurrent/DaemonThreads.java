package io.logflux.release.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads for work beside the caller's: named, so a thread dump says whose they are, and never keeping a JVM up. */
public final class DaemonThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private DaemonThreads() {
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory named(String prefix) {
        return task -> of(task, prefix + "-" + COUNT.incrementAndGet());
    }

    /** One thread, not started, named {@code name}. */
    public static Thread of(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
