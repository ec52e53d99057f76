package io.logflux.release.publish;

import io.logflux.release.http.Failures;

import io.logflux.release.units.Durations;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Sleeper;

import io.logflux.release.http.Backoff;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Asks the upload endpoint whether it knows the token before any file is sent: a form with only
 * {@code :action=file_upload}. Warehouse authenticates before it validates the form, so 403 means the token is
 * unknown, malformed or revoked, and 400 means it is known (its project scope and expiry are only checked against a
 * real upload). Indexes that answer otherwise (pypiserver: 401/403 or its own 400) fit the same reading.
 */
public final class TokenProbe {
    /** What the index said about the token. */
    public enum Outcome { KNOWN, REFUSED, WRONG_URL }

    /** The probe's answer: the outcome, the HTTP status and the index's own words. */
    public static final class Result {
        private final Outcome outcome;
        private final int status;
        private final String message;
        private final HttpReply reply;

        Result(Outcome outcome, int status, String message, HttpReply reply) {
            this.outcome = outcome;
            this.status = status;
            this.message = message;
            this.reply = reply;
        }

        public Outcome outcome() {
            return outcome;
        }

        public int status() {
            return status;
        }

        public String message() {
            return message;
        }
    }

    private final PackageIndex index;
    private final IndexHttp http;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    TokenProbe(PackageIndex index, IndexHttp http, HttpSettings settings, Sleeper sleeper, Consumer<String> log) {
        this.index = index;
        this.http = http;
        this.settings = settings;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** Probes once (with retries for failures worth retrying), for checks that report rather than stop. */
    public static Result probe(PackageIndex index, IndexCredentials credentials, HttpSettings settings,
                               Sleeper sleeper, Consumer<String> log) {
        try (IndexHttp http = new IndexHttp(settings)) {
            return new TokenProbe(index, http, settings, sleeper, log).ask(credentials);
        }
    }

    /** Stops the publish when the index refuses the token or the URL is not an upload URL. */
    void check(IndexCredentials credentials, String projectName) {
        Result result = ask(credentials);
        if (result.outcome() == Outcome.REFUSED) {
            throw UploadErrors.tokenRefused(index, credentials, null, projectName, result.reply);
        }
        if (result.outcome() == Outcome.WRONG_URL) {
            throw UploadErrors.wrongUrl(index, null, result.reply);
        }
        log.accept("The token from " + credentials.source() + " is known to " + index.label()
                + " (its project scope is checked with the first upload).");
    }

    private Result ask(IndexCredentials credentials) {
        Backoff backoff = new Backoff(settings);
        IOException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpReply reply = http.post(index.uploadUrl(), UploadForm.probe(), null, credentials, null,
                        attempt > 1);
                if (reply.status() == 401 || reply.status() == 403) {
                    return new Result(Outcome.REFUSED, reply.status(), reply.message(), reply);
                }
                if ((reply.status() >= 300 && reply.status() < 400) || reply.status() == 404
                        || reply.status() == 405) {
                    return new Result(Outcome.WRONG_URL, reply.status(), reply.message(), reply);
                }
                if (!(reply.serverError() || reply.status() == 429)) {
                    return new Result(Outcome.KNOWN, reply.status(), reply.message(), reply);
                }
                retryAfter = reply.retryAfterDuration().orElse(null);
                last = new IOException("HTTP " + reply.status());
            } catch (IOException e) {
                last = e;
            }
            if (attempt < settings.attempts()) {
                Duration wait = backoff.delay(attempt, retryAfter);
                log.accept("The token check at " + index.uploadUrl() + " failed (" + Failures.describe(last)
                        + "); retrying in " + Durations.human(wait) + ".");
                sleeper.sleep(wait);
            }
        }
        throw new IndexUnreachableException("Cannot reach the upload URL of " + index.describe() + " after "
                + settings.attempts() + " attempts: " + Failures.describe(last)
                + ". Nothing was uploaded. Check the network, the URL and the index's status page, then run again.",
                last);
    }
}
