package io.logflux.release.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retries for talking to an index.
 *
 * @param connect  to open a connection
 * @param idle     the longest silence while sending or receiving (a stalled upload or a server that stopped answering)
 * @param upload   the longest one file's upload may take, start to response (large files on slow links need more)
 * @param read     the longest a read request (JSON API, simple index, token probe) may take, start to end
 * @param attempts how many times a request that failed in a retryable way is sent in all (1 = no retry)
 * @param firstBackoff the wait before the first retry; it doubles (with jitter) up to {@code maxBackoff}
 */
public record HttpSettings(Duration connect, Duration idle, Duration upload, Duration read, int attempts,
                           Duration firstBackoff, Duration maxBackoff) {
    public HttpSettings {
        Objects.requireNonNull(connect);
        Objects.requireNonNull(idle);
        Objects.requireNonNull(upload);
        Objects.requireNonNull(read);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(15), Duration.ofSeconds(120), Duration.ofMinutes(30),
                Duration.ofSeconds(60), 5, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    public HttpSettings withTimeouts(Duration connect, Duration idle, Duration upload) {
        return new HttpSettings(connect, idle, upload, read, attempts, firstBackoff, maxBackoff);
    }

    public HttpSettings withAttempts(int attempts) {
        return new HttpSettings(connect, idle, upload, read, attempts, firstBackoff, maxBackoff);
    }

    public HttpSettings withBackoff(Duration first, Duration max) {
        return new HttpSettings(connect, idle, upload, read, attempts, first, max);
    }

    public HttpSettings withRead(Duration read) {
        return new HttpSettings(connect, idle, upload, read, attempts, firstBackoff, maxBackoff);
    }
}
