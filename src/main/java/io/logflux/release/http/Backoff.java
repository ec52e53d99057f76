package io.logflux.release.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so parallel jobs do not retry in step. */
public final class Backoff {
    private final Duration first;
    private final Duration max;

    public Backoff(HttpSettings settings) {
        this.first = settings.firstBackoff();
        this.max = settings.maxBackoff();
    }

    /** The wait before retry number {@code retry} (1 = first retry); a server's Retry-After wins if it is longer. */
    public Duration delay(int retry, Duration retryAfter) {
        long base = first.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        long half = capped / 2;
        long jittered = half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1));
        if (retryAfter != null) {
            // Honour the server, but not beyond ten times our own ceiling: a broken header must not stall a build.
            long asked = Math.min(retryAfter.toMillis(), max.toMillis() * 10);
            return Duration.ofMillis(Math.max(asked, jittered));
        }
        return Duration.ofMillis(jittered);
    }
}
