package io.logflux.release.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughReadStreamTest {
    /** Counts what passes its array read, as the bounded and checked streams of the archive readers do. */
    private static final class Counting extends ThroughReadStream {
        long seen;

        Counting(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            seen += Math.max(n, 0);
            return n;
        }
    }

    @Test
    void singleBytesAndSkipsPassThroughTheArrayReadSoNoByteGoesAroundIt() throws IOException {
        Counting stream = new Counting(new byte[20_000]);

        assertThat(stream.read()).isZero();
        assertThat(stream.skip(15_000)).isEqualTo(15_000);
        assertThat(stream.skip(10_000)).isEqualTo(4_999);
        assertThat(stream.read()).isEqualTo(-1);

        assertThat(stream.seen).isEqualTo(20_000);
        assertThat(stream.markSupported()).isFalse();
    }
}
