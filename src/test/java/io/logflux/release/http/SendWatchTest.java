package io.logflux.release.http;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The idle timeout of request bodies, on a clock of the test's own: what counts as a stall, and what does not. */
class SendWatchTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final SendWatch watch = new SendWatch(Duration.ofSeconds(2), clock::get, false);
    private final OkHttpClient client = new OkHttpClient();
    private final Call call = client.newCall(new Request.Builder().url("http://index.logflux.invalid/").build());

    /** A send of {@link #call}, started. */
    private SendWatch.Send started() {
        SendWatch.Send send = watch.start();
        send.calling(call);
        return send;
    }

    private void assertNotCancelled(SendWatch.Send send) {
        assertThat(send.stalled()).isFalse();
        assertThat(call.isCanceled()).isFalse();
    }

    @Test
    void aWriteThatLastsTheIdleTimeoutCancelsTheCallAndSaysSo() throws IOException {
        SendWatch.Send send = started();
        // The connection takes this write only after 3 s; the watch looks meanwhile.
        writeThrough(send, body(1), 3 * SECOND);

        assertThat(send.stalled()).isTrue();
        assertThat(call.isCanceled()).isTrue();
        SocketTimeoutException timeout = send.timeout(new IOException("Socket closed"));
        assertThat(timeout).hasMessage("nothing could be sent for 2 s (the idle timeout): the server stopped "
                + "reading the request").hasCauseInstanceOf(IOException.class);
    }

    @Test
    void manyWritesEachShorterThanTheIdleTimeoutAreNoStallHoweverLongTheyTakeTogether() throws IOException {
        SendWatch.Send send = started();
        writeThrough(send, body(40), SECOND);

        assertNotCancelled(send);
    }

    @Test
    void theBodysOwnWaitsBetweenWritesAreNotTheConnections() throws IOException {
        SendWatch.Send send = started();
        RequestBody waitsBetweenWrites = new TestBody(sink -> {
            sink.writeUtf8("fields");
            sink.flush();
            clock.addAndGet(60 * SECOND); // the upload gate: waiting for the check
            watch.look();
            sink.writeUtf8("digest");
        });
        writeThrough(send, waitsBetweenWrites, 0);

        assertNotCancelled(send);
    }

    @Test
    void aSendThatEndedIsNoLongerLookedAt() throws IOException {
        SendWatch.Send send = started();
        send.close();
        writeThrough(send, body(1), 3 * SECOND);

        assertNotCancelled(send);
    }

    @Test
    void theWholeBodyReachesTheConnectionIncludingWhatTheBodyLeftInItsBuffer() throws IOException {
        Buffer connection = new Buffer();
        SendWatch.Send send = watch.start();
        send.body(new TestBody(sink -> sink.writeUtf8("no flush of its own")))
                .writeTo(Okio.buffer((okio.Sink) connection));

        assertThat(connection.readUtf8()).isEqualTo("no flush of its own");
    }

    /** Writes {@code body} through {@code send} to a connection each of whose writes takes {@code perWrite}. */
    private void writeThrough(SendWatch.Send send, RequestBody body, long perWrite) throws IOException {
        Buffer received = new Buffer();
        BufferedSink connection = Okio.buffer(new ForwardingSink(received) {
            @Override
            public void write(Buffer source, long byteCount) throws IOException {
                clock.addAndGet(perWrite);
                watch.look();
                super.write(source, byteCount);
            }
        });
        send.body(body).writeTo(connection);
    }

    /** {@code chunks} chunks of 64 KiB, each emitted to the connection. */
    private static RequestBody body(int chunks) {
        return new TestBody(sink -> {
            for (int i = 0; i < chunks; i++) {
                sink.write(new byte[64 * 1024]);
                sink.emitCompleteSegments();
            }
        });
    }

    private interface Writer {
        void write(BufferedSink sink) throws IOException;
    }

    private static final class TestBody extends RequestBody {
        private final Writer writer;

        TestBody(Writer writer) {
            this.writer = writer;
        }

        @Override
        public okhttp3.MediaType contentType() {
            return null;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            writer.write(sink);
        }
    }
}
