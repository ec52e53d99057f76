package io.logflux.release.process;

import io.logflux.release.concurrent.DaemonThreads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process kept alive for a series of request/reply exchanges over its stdin and stdout, in the allow-listed
 * environment plus {@code settings} — the long-lived sibling of {@link ChildRun}. Every exchange is bounded in time:
 * it runs on the session's own thread, and a child that does not answer in time is stopped (which also ends a write
 * or read that was blocked on it). Stderr is drained all along and only its last 4 KiB are kept, for messages.
 */
public final class ChildSession implements AutoCloseable {
    private static final int STDERR_TAIL = 4096;

    /** One exchange over the child's stdin and stdout (buffered, kept for the session's life). */
    @FunctionalInterface
    public interface Exchange<T> {
        T run(OutputStream toChild, InputStream fromChild) throws IOException;
    }

    private static final ScheduledExecutorService WATCHDOGS = watchdogs();

    private final Process process;
    private final OutputStream toChild;
    private final InputStream fromChild;
    private final TailBuffer stderr = new TailBuffer(STDERR_TAIL);
    private final ExecutorService exchanges;
    private final Thread stderrDrain;
    private volatile boolean broken;

    private ChildSession(Process process, String threadName) {
        this.process = process;
        this.toChild = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromChild = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.exchanges = Executors.newSingleThreadExecutor(runnable -> DaemonThreads.of(runnable, threadName));
        this.stderrDrain = DaemonThreads.of(this::drainStderr, threadName + "-stderr");
        stderrDrain.start();
    }

    /** Starts {@code command}; {@code threadName} names the session's threads (seen in a thread dump). */
    public static ChildSession start(List<String> command, ChildEnvironment environment, Map<String, String> settings,
                                     String threadName) throws IOException {
        Process process = environment.applyTo(new ProcessBuilder(command), settings).start();
        return new ChildSession(process, threadName);
    }

    /**
     * Runs one exchange and waits for it.
     *
     * @throws TimeoutException when it took longer than {@code timeout}; the child is then stopped
     * @throws IOException      what the exchange threw (the child ended, or answered out of protocol), or
     *                          {@link Broken} when an earlier exchange of this session failed
     */
    public <T> T exchange(Exchange<T> exchange, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Future<T> result = submit(exchange, timeout);
        try {
            return outcome(result, timeout);
        } catch (InterruptedException | TimeoutException e) {
            broken = true;
            stop();
            result.cancel(true);
            throw e;
        }
    }

    /**
     * Queues one exchange after those already queued, and returns at once: the child can work while the caller does
     * something else. {@code timeout} counts from when the exchange starts; a watchdog stops the child when it
     * passes. After one exchange has failed, the later ones fail with {@link Broken} without touching the child.
     */
    public <T> Future<T> submit(Exchange<T> exchange, Duration timeout) {
        if (exchanges.isShutdown()) {
            return CompletableFuture.failedFuture(new Broken());
        }
        return exchanges.submit(() -> {
            if (broken) {
                throw new Broken();
            }
            Watchdog watchdog = new Watchdog(timeout);
            try {
                return exchange.run(toChild, fromChild);
            } catch (IOException | RuntimeException e) {
                broken = true;
                if (watchdog.fired()) {
                    throw new TimeoutException();
                }
                throw e;
            } finally {
                if (watchdog.finish()) {
                    broken = true;
                }
            }
        });
    }

    /**
     * What a submitted exchange gave, rethrown as {@link #exchange} does. The wait is bounded: the watchdog ends a
     * running exchange at its timeout, and should stopping the child not end a blocked read (a grandchild holding the
     * pipe open), this gives up five seconds after that. Call it in the order of submission, so that the exchange
     * waited for is the one running.
     */
    public static <T> T outcome(Future<T> result, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        try {
            return result.get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new Broken();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException timeoutException) {
                throw timeoutException;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(cause);
        }
    }

    /** An exchange not run because an earlier one of the same session failed. */
    public static final class Broken extends IOException {
        Broken() {
            super("an earlier exchange with the child failed");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the child now, and any process it started (it is in a state where it cannot be trusted to answer). */
    public void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * How the child ended — "exit status 1: last lines of stderr" — waiting up to {@code grace} for it to end after
     * its output closed, and stopping it after that.
     */
    public String ending(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        stderrDrain.join(grace.toMillis());
        String status = process.isAlive() ? "still running, stopped" : "exit status " + process.exitValue();
        String tail = new ChildRun.Result(0, stderr.text()).tail();
        return status + ": " + tail;
    }

    /** Closes the child's stdin (its sign to finish), waits up to {@code grace}, then stops it. */
    public void close(Duration grace) {
        broken = true;
        try {
            toChild.close();
        } catch (IOException ignored) {
            // a child that is gone already has nothing left to be told
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
            }
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
        } finally {
            // shutdown, not shutdownNow: exchanges still queued must run (and fail fast, the child being gone), or
            // whoever waits for them would wait for their whole timeout
            exchanges.shutdown();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void drainStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                stderr.append(buffer, n);
            }
        } catch (IOException ignored) {
            // the child went away; what it said so far is kept
        }
    }

    /** One thread for every session's watchdogs; a cancelled watchdog leaves the queue at once. */
    private static ScheduledExecutorService watchdogs() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1,
                runnable -> DaemonThreads.of(runnable, "logflux-child-watchdog"));
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /** Stops the child when one exchange runs past its timeout. */
    private final class Watchdog {
        private final ScheduledFuture<?> alarm;
        private boolean finished;
        private boolean fired;

        Watchdog(Duration timeout) {
            alarm = WATCHDOGS.schedule(this::fire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void fire() {
            if (!finished) {
                fired = true;
                stop();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        /** Ends the watch; true when it had stopped the child. */
        synchronized boolean finish() {
            finished = true;
            alarm.cancel(false);
            return fired;
        }
    }

    /** The last {@code capacity} bytes written to it. */
    private static final class TailBuffer {
        private final byte[] bytes;
        private int length;

        TailBuffer(int capacity) {
            this.bytes = new byte[capacity];
        }

        synchronized void append(byte[] data, int n) {
            int keep = Math.min(n, bytes.length);
            int shift = Math.max(0, length + keep - bytes.length);
            if (shift > 0) {
                System.arraycopy(bytes, shift, bytes, 0, length - shift);
                length -= shift;
            }
            System.arraycopy(data, n - keep, bytes, length, keep);
            length += keep;
        }

        synchronized String text() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
    }
}
