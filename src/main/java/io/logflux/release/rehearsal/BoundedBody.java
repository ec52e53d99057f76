package io.logflux.release.rehearsal;

import io.logflux.release.files.ThroughReadStream;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A request body that fails once more than {@code max} bytes were read, and remembers it: the parser may wrap the
 * failure in its own, so the reader asks this stream whether the body was the cause. It also fails once its deadline
 * has passed: a body that trickles in just fast enough for the idle timeout must not hold a worker for ever.
 */
final class BoundedBody extends ThroughReadStream {
    private final long max;
    private final long deadlineNanos;
    private final LongSupplier nanoClock;
    private long read;
    private boolean exceeded;

    BoundedBody(InputStream in, long max, Duration time, LongSupplier nanoClock) {
        super(in);
        this.max = max;
        this.nanoClock = nanoClock;
        this.deadlineNanos = nanoClock.getAsLong() + time.toNanos();
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (read > max) {
            throw tooLarge();
        }
        if (nanoClock.getAsLong() - deadlineNanos > 0) {
            throw new IOException("the request body took longer than the index allows; closing the connection");
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
