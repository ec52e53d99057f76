package io.logflux.release.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/** When a failed attempt is tried again: the wait before the next one, or empty when there is to be no next one. */
@FunctionalInterface
public interface Schedule {
    /**
     * @param attemptsSoFar how many attempts have run (1 after the first)
     * @param retryAfter    how long the server asked to wait, or null
     */
    Optional<Duration> next(int attemptsSoFar, Duration retryAfter);

    /** At most {@code attempts} attempts in all, with {@link Backoff}'s waits in between. */
    static Schedule attempts(int attempts, Backoff backoff) {
        return (done, retryAfter) -> done >= attempts ? Optional.empty() : Optional.of(backoff.delay(done, retryAfter));
    }

    /** The settings' attempts and backoff. */
    static Schedule of(HttpSettings settings) {
        return attempts(settings.attempts(), new Backoff(settings));
    }

    /**
     * Polls until {@code timeout} has passed since now: waits start at {@code first} and double up to {@code max}, and
     * the last one is cut so that the last look is made at the timeout.
     */
    static Schedule until(Duration timeout, Duration first, Duration max, LongSupplier nanoClock) {
        long start = nanoClock.getAsLong();
        return (done, retryAfter) -> {
            Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - start);
            if (elapsed.compareTo(timeout) >= 0) {
                return Optional.empty();
            }
            Duration interval = first.multipliedBy(1L << Math.min(done - 1, 30));
            interval = interval.compareTo(max) > 0 ? max : interval;
            Duration left = timeout.minus(elapsed);
            return Optional.of(interval.compareTo(left) > 0 ? left : interval);
        };
    }
}
