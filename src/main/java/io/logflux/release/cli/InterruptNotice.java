package io.logflux.release.cli;

import io.logflux.release.publish.PublishProgress;

import java.io.PrintWriter;

/**
 * While a command publishes, a JVM shutdown hook that prints what {@link PublishProgress} says when the process is
 * stopped (Ctrl-C, SIGTERM: exit status 130, 143), so a stop midway never ends without a word. Closing it removes the
 * hook: a command that ends by itself has said what happened already.
 */
final class InterruptNotice implements AutoCloseable {
    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    static InterruptNotice install(PublishProgress progress, PrintWriter err) {
        Thread hook = new Thread(() -> print(progress, err), "logflux-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    /** What the hook does. */
    static void print(PublishProgress progress, PrintWriter err) {
        progress.interruptedMessage().ifPresent(message -> {
            err.println("error: " + message);
            err.flush();
        });
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it prints the message
        }
    }
}
