package io.logflux.release.github;

import io.logflux.release.http.RetryAfter;
import io.logflux.release.units.Durations;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * GitHub's rate limits as its answers state them (shared/reference/github-api.md): Retry-After first; else, when
 * x-ratelimit-remaining is 0, until x-ratelimit-reset; else a secondary limit (403/429 saying "rate limit"), which
 * GitHub asks to wait at least a minute for. No wait is longer than 15 minutes: a broken header must not stall a build.
 */
final class GitHubRateLimit {
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final LongSupplier epochMillis;

    GitHubRateLimit(LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
    }

    /** How long GitHub asks to wait before this request is sent again; empty when the answer is not a rate limit. */
    Optional<Duration> waitFor(GitHubReply reply) {
        if (reply.status() != 403 && reply.status() != 429) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = reply.header("retry-after").flatMap(RetryAfter::parse);
        if (retryAfter.isPresent()) {
            return retryAfter.map(GitHubRateLimit::capped);
        }
        if (reply.header("x-ratelimit-remaining").map(String::strip).filter("0"::equals).isPresent()) {
            long now = epochMillis.getAsLong();
            long resetMillis = reply.header("x-ratelimit-reset").flatMap(GitHubRateLimit::number)
                    // epoch seconds; the recorded fixtures carry milliseconds, so large values are read as such
                    .map(reset -> reset > 100_000_000_000L ? reset : reset * 1000).orElse(now + 60_000);
            return Optional.of(capped(Duration.ofMillis(Math.max(1000, resetMillis - now))));
        }
        if (reply.status() == 429 || reply.message().toLowerCase(Locale.ROOT).contains("rate limit")) {
            return Optional.of(Duration.ofMinutes(1));
        }
        return Optional.empty();
    }

    /** The failure of a request whose retries the rate limit outlasted. */
    static GitHubUnreachableException outlasted(String method, URI url, GitHubReply reply, Duration wait) {
        return new GitHubUnreachableException("GitHub's rate limit stopped " + method + " " + url.getPath() + " ("
                + reply.status() + " " + reply.message() + "); it allows requests again in " + Durations.human(wait)
                + ". Run again then; what was done is kept.", null);
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
