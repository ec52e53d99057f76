package io.logflux.release.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The Retry-After header (RFC 9110 section 10.2.3): seconds, or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait the header asks for; empty when it is absent or unreadable; a date in the past is no wait. */
    public static Optional<Duration> parse(String header) {
        return parse(header, Clock.systemUTC());
    }

    static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                Duration wait = Duration.between(ZonedDateTime.now(clock), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }
}
