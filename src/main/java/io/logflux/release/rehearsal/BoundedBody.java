package io.logflux.release.rehearsal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails once more than {@code max} bytes were read, and remembers it: the parser may wrap the
 * failure in its own, so the reader asks this stream whether the body was the cause.
 */
final class BoundedBody extends FilterInputStream {
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
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
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

    @Override
    public long skip(long n) throws IOException {
        int chunk = (int) Math.min(n, 8192);
        return Math.max(0, read(new byte[chunk], 0, chunk));
    }

    private IOException tooLarge() {
        exceeded = true;
        return new IOException("request body larger than " + max + " bytes");
    }
}
