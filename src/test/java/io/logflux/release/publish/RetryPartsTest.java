package io.logflux.release.publish;

import io.logflux.release.units.Durations;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Backoff;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backoff, Retry-After, the index's error texts, durations and progress lines. */
class RetryPartsTest {
    private final HttpSettings settings = HttpSettings.defaults().withBackoff(Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    @RepeatedTest(20)
    void backoffDoublesWithJitterBetweenHalfAndAllOfItsStep() {
        Backoff backoff = new Backoff(settings);

        assertThat(backoff.delay(1, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backoff.delay(3, null)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(backoff.delay(10, null)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        Backoff backoff = new Backoff(settings);

        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1, Duration.ofHours(5))).isEqualTo(Duration.ofMinutes(10));
        assertThat(reply(429, "", "120").retryAfterDuration()).contains(Duration.ofSeconds(120));
        assertThat(reply(429, "", "Wed, 21 Oct 2015 07:28:00 GMT").retryAfterDuration()).contains(Duration.ZERO);
        assertThat(reply(429, "", "soon").retryAfterDuration()).isEmpty();
    }

    @Test
    void theIndexsMessageComesFromJsonOrFromHtml() {
        assertThat(reply(400, "{\"message\": \"File already exists ('a.whl', with blake2_256 hash 'x').\", "
                + "\"code\": \"400 Bad Request\", \"title\": \"Bad Request\"}", null).message())
                .isEqualTo("File already exists ('a.whl', with blake2_256 hash 'x').");
        assertThat(reply(403, "<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 "
                + "Forbidden</h1>\n  Invalid API Token: token is expired\n </body>\n</html>", null).message())
                .isEqualTo("Invalid API Token: token is expired");
        assertThat(reply(400, "<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1>"
                + "File already exists ('a.whl', with blake2_256 hash 'x').</body></html>", null).message())
                .isEqualTo("File already exists ('a.whl', with blake2_256 hash 'x').");
        assertThat(reply(502, "", null).message()).isEmpty();
        assertThat(reply(502, "<h1>502 Bad Gateway</h1>", null).message()).isEqualTo("502 Bad Gateway");
        assertThat(reply(409, "Package 'a.whl' already exists!", null).message()).isEqualTo("Package 'a.whl' already "
                + "exists!");
    }

    @Test
    void durationsAreReadAsPeopleWriteThem() {
        assertThat(Durations.parse("15m", "t")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("90", "t")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("500ms", "t")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1h", "t")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("PT2M", "t")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Durations.parse("soon", "waitTimeout"))
                .isInstanceOf(ReleaseException.class)
                .hasMessage("waitTimeout 'soon' is not a duration; write e.g. 90s, 15m or 1h.");
        assertThat(Durations.human(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Durations.human(Duration.ofMillis(850))).isEqualTo("850 ms");
    }

    @Test
    void progressPrintsAtMostOncePerIntervalAndAlwaysTheEnd() {
        AtomicLong now = new AtomicLong();
        java.util.List<String> lines = new java.util.ArrayList<>();
        UploadProgress progress = new UploadProgress("big.whl", 100L << 20, Duration.ofSeconds(5), lines::add, now::get);

        now.set(Duration.ofSeconds(1).toNanos());
        progress.sent(10L << 20);
        now.set(Duration.ofSeconds(5).toNanos());
        progress.sent(50L << 20);
        now.set(Duration.ofSeconds(6).toNanos());
        progress.sent(60L << 20);
        now.set(Duration.ofSeconds(10).toNanos());
        progress.sent(100L << 20);

        assertThat(lines).containsExactly(
                "big.whl: 50.0 MiB of 100.0 MiB (50%), 10.0 MiB/s, about 5 s left",
                "big.whl: 100.0 MiB of 100.0 MiB (100%), 10.0 MiB/s, sent; waiting for the index to accept it");
    }

    private static HttpReply reply(int status, String body, String retryAfter) {
        return new HttpReply(status, "", body.startsWith("{") ? "application/json" : "text/html", body, retryAfter, null);
    }
}
