package io.logflux.release.http;

import io.logflux.release.units.Durations;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one retry loop: runs an attempt until it is done, waits between failed attempts as the {@link Schedule} says,
 * and gives up with the caller's own exception when the schedule is spent. Each client says what an answer means
 * ({@link Outcome}); this class only counts, waits and logs. Before a failed attempt is sent again the caller may look
 * whether it took effect anyway ({@link Plan#beforeRetry}): an upload whose answer was lost is then not sent twice.
 * An attempt that failed for a reason a new connection cures (a stale kept-alive connection) is sent again at once,
 * without waiting and without counting, at most as many times as the schedule allows attempts.
 */
public final class Retry {
    private static final int MOST_RESENDS = 10;

    private final Sleeper sleeper;
    private final Consumer<String> log;

    public Retry(Sleeper sleeper, Consumer<String> log) {
        this.sleeper = sleeper;
        this.log = log;
    }

    /** One attempt; {@code number} counts from 1 and does not grow with {@link Outcome#resend} outcomes. */
    @FunctionalInterface
    public interface Attempt<T> {
        Outcome<T> run(int number) throws IOException;
    }

    /** What an attempt came to. */
    public sealed interface Outcome<T> {
        static <T> Outcome<T> done(T value) {
            return new Done<>(value);
        }

        /** Failed in a way worth another attempt; {@code retryAfter} is the server's wish (may be null). */
        static <T> Outcome<T> retry(String problem, Duration retryAfter, Throwable cause) {
            return new Again<>(problem, retryAfter, cause);
        }

        /** Send again at once, not counted (the request never reached the server). */
        static <T> Outcome<T> resend(String problem, Throwable cause) {
            return new Resend<>(problem, cause);
        }
    }

    public record Done<T>(T value) implements Outcome<T> {
    }

    public record Again<T>(String problem, Duration retryAfter, Throwable cause) implements Outcome<T> {
    }

    public record Resend<T>(String problem, Throwable cause) implements Outcome<T> {
    }

    /** How to word the loop's messages and what to do before a retry; only {@link #gaveUp} is required. */
    public interface Plan<T> {
        /** The exception thrown when the schedule is spent: it says what failed, how often, and what to do. */
        RuntimeException gaveUp(int attempts, String problem, Throwable cause);

        /** The log line before a wait ({@code next} is the number of the coming attempt). */
        default String retrying(String problem, Duration wait, int next) {
            return "Failed (" + problem + "); retrying in " + Durations.human(wait) + " (attempt " + next + ").";
        }

        /** Looked at after the wait, before the attempt is sent again: a value here ends the loop as done. */
        default Optional<T> beforeRetry(int attemptsSoFar) {
            return Optional.empty();
        }
    }

    /** Runs the attempt until done or the schedule is spent. An {@link IOException} is a retryable failure. */
    public <T> T run(Schedule schedule, Attempt<T> attempt, Plan<T> plan) {
        int resends = 0;
        for (int number = 1; ; number++) {
            Outcome<T> outcome;
            try {
                outcome = attempt.run(number);
            } catch (IOException e) {
                outcome = Outcome.retry(Failures.describe(e), null, e);
            }
            if (outcome instanceof Done<T> done) {
                return done.value();
            }
            if (Thread.currentThread().isInterrupted()) {
                // Stopped from outside (an aborted build, a publish that ended while this ran beside it): the
                // failure is the interruption itself, worth neither a retry nor a line saying one is coming.
                throw Sleeper.interrupted(outcome instanceof Again<T> again ? again.cause()
                        : ((Resend<T>) outcome).cause());
            }
            if (outcome instanceof Resend<T> resend) {
                if (++resends > MOST_RESENDS) {
                    throw plan.gaveUp(number, resend.problem(), resend.cause());
                }
                number--;
                continue;
            }
            Again<T> again = (Again<T>) outcome;
            Optional<Duration> wait = schedule.next(number, again.retryAfter());
            if (wait.isEmpty()) {
                throw plan.gaveUp(number, again.problem(), again.cause());
            }
            log.accept(plan.retrying(again.problem(), wait.get(), number + 1));
            sleeper.sleep(wait.get());
            Optional<T> landed = plan.beforeRetry(number);
            if (landed.isPresent()) {
                return landed.get();
            }
        }
    }
}
