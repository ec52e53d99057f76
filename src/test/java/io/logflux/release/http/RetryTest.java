package io.logflux.release.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTest {
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Retry retry = new Retry(slept::add, log::add);
    private final Schedule threeTries = (done, retryAfter) -> done >= 3 ? Optional.empty()
            : Optional.of(Duration.ofSeconds(done));

    private static <T> Retry.Plan<T> failingWith(String text) {
        return (attempts, problem, cause) -> new IllegalStateException(text + " after " + attempts + ": " + problem);
    }

    @Test
    void aFirstSuccessNeitherWaitsNorLogs() {
        String result = retry.run(threeTries, n -> Retry.Outcome.done("ok"), failingWith("x"));
        assertThat(result).isEqualTo("ok");
        assertThat(slept).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void retryableFailuresWaitAsScheduledThenGiveUpWithTheCallersException() {
        List<Integer> numbers = new ArrayList<>();
        assertThatThrownBy(() -> retry.run(threeTries, n -> {
            numbers.add(n);
            throw new IOException("reset");
        }, failingWith("gave up"))).hasMessage("gave up after 3: IOException: reset");
        assertThat(numbers).containsExactly(1, 2, 3);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(log).hasSize(2).first().asString().contains("attempt 2");
    }

    @Test
    void aFailureOnAnInterruptedThreadEndsTheLoopWithoutALineOrAWait() {
        List<Integer> numbers = new ArrayList<>();
        try {
            assertThatThrownBy(() -> retry.run(threeTries, n -> {
                numbers.add(n);
                Thread.currentThread().interrupt(); // as shutdownNow or an aborted build does, mid-request
                throw new java.io.InterruptedIOException("interrupted");
            }, failingWith("gave up"))).isInstanceOf(io.logflux.release.ReleaseException.class)
                    .hasMessageStartingWith("Interrupted while waiting; nothing further was sent.")
                    .hasCauseInstanceOf(java.io.InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("the interruption is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(numbers).containsExactly(1);
        assertThat(slept).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void theServersRetryAfterReachesTheSchedule() {
        List<Duration> asked = new ArrayList<>();
        Schedule recording = (done, retryAfter) -> {
            asked.add(retryAfter);
            return Optional.of(Duration.ZERO);
        };
        Integer ignored = retry.run(recording, n -> n == 1 ? Retry.Outcome.retry("429", Duration.ofSeconds(7), null)
                : Retry.Outcome.done(n), failingWith("x"));
        assertThat(asked).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aResendIsNeitherCountedNorWaitedFor() {
        List<Integer> numbers = new ArrayList<>();
        int result = retry.run(threeTries, n -> {
            numbers.add(n);
            return numbers.size() < 3 ? Retry.Outcome.resend("stale", null) : Retry.Outcome.done(n);
        }, failingWith("x"));
        assertThat(numbers).containsExactly(1, 1, 1);
        assertThat(result).isEqualTo(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void endlessResendsAreBounded() {
        assertThatThrownBy(() -> retry.run(threeTries, n -> Retry.Outcome.resend("stale", null), failingWith("stuck")))
                .hasMessageStartingWith("stuck");
    }

    @Test
    void aLookBeforeTheRetryCanEndTheLoop() {
        List<Integer> numbers = new ArrayList<>();
        String result = retry.run(threeTries, n -> {
            numbers.add(n);
            return Retry.Outcome.retry("lost answer", null, null);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
                return new IllegalStateException();
            }

            @Override
            public Optional<String> beforeRetry(int attemptsSoFar) {
                return Optional.of("landed after " + attemptsSoFar);
            }
        });
        assertThat(result).isEqualTo("landed after 1");
        assertThat(numbers).containsExactly(1);
        assertThat(slept).hasSize(1);
    }

    @Test
    void pollingDoublesItsWaitAndMakesTheLastLookAtTheTimeout() {
        AtomicLong now = new AtomicLong();
        Schedule poll = Schedule.until(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(5), now::get);
        assertThat(poll.next(1, null)).contains(Duration.ofSeconds(2));
        now.set(Duration.ofSeconds(2).toNanos());
        assertThat(poll.next(2, null)).contains(Duration.ofSeconds(4));
        now.set(Duration.ofSeconds(6).toNanos());
        assertThat(poll.next(3, null)).contains(Duration.ofSeconds(4));
        now.set(Duration.ofSeconds(10).toNanos());
        assertThat(poll.next(4, null)).isEmpty();
    }
}
