package io.logflux.release.http;

import io.logflux.release.concurrent.DaemonThreads;
import io.logflux.release.units.Durations;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The idle timeout of large request bodies: a call whose body has not got a write through to the connection for the
 * idle timeout is cancelled, and its failure is a {@link SocketTimeoutException} that says so. OkHttp's own write
 * timeout does the same per write, and its socket writes 8 KiB at a time: each of them entered and left okio's
 * timeout queue and woke okio's watchdog thread: with 8 KiB reads, ≈0.5 s of a 256 MiB upload's 1.8 s CPU
 * (docs/performance.md, "Upload"). Here a write only notes when it started and ended; one thread looks at the calls
 * in flight a few times per idle timeout. Time between writes (the body's own waits, such as the upload gate) is not
 * the connection's. Callers send through {@link #watched}, on a client without OkHttp's write timeout.
 */
public final class SendWatch implements AutoCloseable {
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final Set<Send> inFlight = ConcurrentHashMap.newKeySet();
    private final boolean ownThread;
    private ScheduledExecutorService looks;

    /** Looks at the calls in flight from a daemon thread of its own, started with the first one. */
    public SendWatch(Duration idle) {
        this(idle, System::nanoTime, true);
    }

    /** @param ownThread false: nothing looks unless {@link #look()} is called (tests, with their own clock) */
    SendWatch(Duration idle, LongSupplier nanoClock, boolean ownThread) {
        this.idleNanos = idle.toNanos();
        this.nanoClock = nanoClock;
        this.ownThread = ownThread;
    }

    /** Sends a request, given {@code body} watched and what to tell of its call. */
    @FunctionalInterface
    public interface Sending<T> {
        T send(RequestBody watchedBody, Consumer<Call> calling) throws IOException;
    }

    /**
     * Sends {@code body} with {@code sending}, watched: a call cancelled because a write stalled fails with
     * {@link Send#timeout} (a {@link SocketTimeoutException} that says so) in place of the cancellation's failure.
     */
    public <T> T watched(RequestBody body, Sending<T> sending) throws IOException {
        try (Send send = start()) {
            try {
                return sending.send(send.body(body), send::calling);
            } catch (IOException e) {
                throw send.stalled() ? send.timeout(e) : e;
            }
        }
    }

    /** A body on its way: {@link Send#body} wraps the request's body, {@link Send#calling} is given its call. */
    Send start() {
        Send send = new Send();
        inFlight.add(send);
        if (ownThread) {
            startLooking();
        }
        return send;
    }

    private synchronized void startLooking() {
        if (looks == null) {
            looks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("logflux-send-watch"));
            // Several looks per idle timeout: a stall ends between one idle timeout and 1.25 of it after it began.
            long every = Math.max(TimeUnit.MILLISECONDS.toNanos(10), idleNanos / 4);
            looks.scheduleWithFixedDelay(this::look, every, every, TimeUnit.NANOSECONDS);
        }
    }

    /** Cancels every call whose current write began an idle timeout ago or earlier. */
    void look() {
        long now = nanoClock.getAsLong();
        for (Send send : inFlight) {
            send.cancelIfStalledAt(now);
        }
    }

    @Override
    public synchronized void close() {
        if (looks != null) {
            looks.shutdownNow();
        }
    }

    /** One request body's writes. */
    public final class Send implements AutoCloseable {
        /** When the write under way began; 0: none under way. */
        private volatile long writingSince;
        private volatile boolean stalled;
        private volatile Call call;

        private Send() {
        }

        /** The call to cancel when a write stalls. */
        public void calling(Call call) {
            this.call = call;
            if (stalled) {
                call.cancel();
            }
        }

        /** Whether the watch cancelled the call because a write stalled. */
        public boolean stalled() {
            return stalled;
        }

        /** The failure to report in place of {@code cause} when the call was cancelled for a stall. */
        public SocketTimeoutException timeout(IOException cause) {
            SocketTimeoutException timeout = new SocketTimeoutException("nothing could be sent for "
                    + Durations.human(Duration.ofNanos(idleNanos)) + " (the idle timeout): the server stopped "
                    + "reading the request");
            timeout.initCause(cause);
            return timeout;
        }

        /** {@code body}, every write of which to the connection is watched, its end flushed while watched. */
        public RequestBody body(RequestBody body) {
            return new RequestBody() {
                @Override
                public MediaType contentType() {
                    return body.contentType();
                }

                @Override
                public long contentLength() throws IOException {
                    return body.contentLength();
                }

                @Override
                public boolean isOneShot() {
                    return body.isOneShot();
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    // Whole segments move from this buffer to the connection's: no bytes are copied.
                    BufferedSink watched = Okio.buffer(new WatchedSink(sink));
                    body.writeTo(watched);
                    watched.flush();
                }
            };
        }

        void cancelIfStalledAt(long now) {
            long since = writingSince;
            if (since != 0 && now - since >= idleNanos && !stalled) {
                stalled = true;
                Call current = call;
                if (current != null) {
                    current.cancel();
                }
            }
        }

        private void writing() {
            long now = nanoClock.getAsLong();
            writingSince = now == 0 ? 1 : now;
        }

        private void wrote() {
            writingSince = 0;
        }

        @Override
        public void close() {
            inFlight.remove(this);
        }

        private final class WatchedSink extends ForwardingSink {
            WatchedSink(BufferedSink connection) {
                super(connection);
            }

            @Override
            public void write(Buffer source, long byteCount) throws IOException {
                writing();
                try {
                    super.write(source, byteCount);
                } finally {
                    wrote();
                }
            }

            @Override
            public void flush() throws IOException {
                writing();
                try {
                    super.flush();
                } finally {
                    wrote();
                }
            }
        }
    }
}
