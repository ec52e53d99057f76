package io.logflux.release.http;

import io.logflux.release.files.FileName;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file as a request body, read from disk as OkHttp writes it: memory does not grow with the file. One read of the
 * file and one hand-over to the socket per 64 KiB. OkHttp's own file body reads one 8 KiB segment per call, and each
 * emit to a socket with a write timeout enters and leaves okio's timeout queue (a lock, a wake of its watchdog thread):
 * per 8 KiB that cost more than the copy saved (docs/performance.md, "Upload"); large bodies go through a client
 * without a write timeout, watched by {@link SendWatch} instead. The file must keep the length it was given: bytes past
 * it are never written, and a file that ends short fails the request.
 *
 * <p>Subclasses hear of each chunk before, while and after it is written ({@link #beforeChunk}, {@link #sending},
 * {@link #afterChunk}): an upload's gate, its sha256 and its progress.
 */
public class FileBody extends RequestBody {
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final long length;
    private final MediaType contentType;
    private long sent;

    public FileBody(Path file, long length, MediaType contentType) {
        this.file = file;
        this.length = length;
        this.contentType = contentType;
    }

    @Override
    public final MediaType contentType() {
        return contentType;
    }

    @Override
    public final long contentLength() {
        return length;
    }

    /** The bytes read and written so far by the current (or last) write of this body. */
    public final long sent() {
        return sent;
    }

    @Override
    public final void writeTo(BufferedSink sink) throws IOException {
        sent = 0;
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(chunk)) != -1; ) {
                sent += n;
                if (sent > length) {
                    // Not written: the bytes past the declared length never reach the sink.
                    throw grew(sent);
                }
                beforeChunk(sent);
                sending(chunk, n);
                sink.write(chunk, 0, n);
                sink.emitCompleteSegments();
                afterChunk(sent);
            }
        }
        ended(sent);
    }

    /** Before a chunk is written, with the bytes read so far; may stop the body by throwing. */
    protected void beforeChunk(long read) throws IOException {
    }

    /** The chunk about to be written: {@code length} bytes of {@code bytes}, valid during the call only. */
    protected void sending(byte[] bytes, int length) {
    }

    /** After a chunk was handed to the connection, with the bytes sent so far. */
    protected void afterChunk(long sentSoFar) {
    }

    /** The failure for a file that has more bytes than its declared length. */
    protected IOException grew(long read) {
        return changedSize(read);
    }

    /** After the last byte of the file; fails when the file ended short of its declared length. */
    protected void ended(long read) throws IOException {
        if (read != length) {
            throw changedSize(read);
        }
    }

    protected final IOException changedSize(long read) {
        return new IOException(FileName.of(file) + " changed size while it was being uploaded (" + length
                + " bytes expected, " + read + " read)");
    }
}
