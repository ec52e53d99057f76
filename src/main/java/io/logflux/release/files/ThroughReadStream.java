package io.logflux.release.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter stream whose every read — single bytes, skips — goes through {@link #read(byte[], int, int)}: a subclass
 * that bounds, counts or checks the bytes there sees each one (FilterInputStream's own {@code skip} and
 * {@code read()} would go around it to the stream below).
 */
public abstract class ThroughReadStream extends FilterInputStream {
    protected ThroughReadStream(InputStream in) {
        super(in);
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public final boolean markSupported() {
        return false;
    }
}
