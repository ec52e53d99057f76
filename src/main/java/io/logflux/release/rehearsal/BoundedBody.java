package io.logflux.release.rehearsal;

import io.logflux.release.files.ThroughReadStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails once more than {@code max} bytes were read, and remembers it: the parser may wrap the
 * failure in its own, so the reader asks this stream whether the body was the cause.
 */
final class BoundedBody extends ThroughReadStream {
    private final long max;
    private long read;
    private boolean exceeded;

    BoundedBody(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (read > max) {
            throw tooLarge();
        }
        int n = in.read(bytes, offset, (int) Math.min(length, max + 1 - read));
        if (n > 0) {
            read += n;
            if (read > max) {
                exceeded = true;
                throw tooLarge();
            }
        }
        return n;
    }

    private IOException tooLarge() {
        exceeded = true;
        return new IOException("request body larger than " + max + " bytes");
    }
}
