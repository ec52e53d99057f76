package io.logflux.release.http;

import okhttp3.OkHttpClient;

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
 * @param clientBase   the client every HTTP client starts from ({@link HttpClients#builder}), for what the embedding
 *                     application decides, such as the Jenkins controller's proxy; null: a plain OkHttp client, which
 *                     follows the JVM's proxy properties ({@code https.proxyHost}, …)
 */
public record HttpSettings(Duration connect, Duration idle, Duration upload, Duration read, int attempts,
                           Duration firstBackoff, Duration maxBackoff, OkHttpClient clientBase) {
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
                Duration.ofSeconds(60), 5, Duration.ofSeconds(2), Duration.ofSeconds(60), null);
    }

    public HttpSettings withTimeouts(Duration connect, Duration idle, Duration upload) {
        return new HttpSettings(connect, idle, upload, read, attempts, firstBackoff, maxBackoff, clientBase);
    }

    public HttpSettings withAttempts(int attempts) {
        return new HttpSettings(connect, idle, upload, read, attempts, firstBackoff, maxBackoff, clientBase);
    }

    public HttpSettings withBackoff(Duration first, Duration max) {
        return new HttpSettings(connect, idle, upload, read, attempts, first, max, clientBase);
    }

    public HttpSettings withRead(Duration read) {
        return new HttpSettings(connect, idle, upload, read, attempts, firstBackoff, maxBackoff, clientBase);
    }

    /**
     * The same settings, with clients built from {@code base}: its proxy, proxy authenticator, interceptors and TLS
     * settings are kept; the timeouts, redirects, retries, connection pool and dispatcher are still these settings'
     * own (see {@link HttpClients#builder}). Null goes back to a plain client.
     */
    public HttpSettings withClientBase(OkHttpClient base) {
        return new HttpSettings(connect, idle, upload, read, attempts, firstBackoff, maxBackoff, base);
    }
}
