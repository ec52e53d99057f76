package io.logflux.release.http;

import io.logflux.release.ReleaseException;

import java.time.Duration;

/** Waits between retries and polls; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration);

    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    };

    /** What a wait or a retry stopped by an interruption (an aborted build) ends with. */
    static ReleaseException interrupted(Throwable cause) {
        return new ReleaseException("Interrupted while waiting; nothing further was sent. Run again to go on "
                + "(files already on the index are skipped).", cause);
    }
}
