package io.logflux.release.rehearsal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBodyTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void aBodyThatTricklesPastItsDeadlineIsCutOffWhateverItsSize() throws IOException {
        BoundedBody body = new BoundedBody(new ByteArrayInputStream(new byte[100]), 1_000, Duration.ofMinutes(30),
                now::get);
        byte[] chunk = new byte[10];

        assertThat(body.read(chunk, 0, 10)).isEqualTo(10);
        now.addAndGet(Duration.ofMinutes(30).toNanos());
        assertThat(body.read(chunk, 0, 10)).as("at the deadline itself").isEqualTo(10);
        now.incrementAndGet();
        assertThatThrownBy(() -> body.read(chunk, 0, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("took longer than the index allows");
        assertThat(body.exceeded()).as("not a size refusal").isFalse();
    }

    @Test
    void aBodyOverItsSizeIsRefusedAsTooLarge() {
        BoundedBody body = new BoundedBody(new ByteArrayInputStream(new byte[100]), 50, Duration.ofMinutes(30),
                now::get);

        assertThatThrownBy(() -> body.readAllBytes()).hasMessageContaining("larger than 50 bytes");
        assertThat(body.exceeded()).isTrue();
    }
}
