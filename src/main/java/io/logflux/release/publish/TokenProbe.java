package io.logflux.release.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Asks the upload endpoint whether it knows the token before any file is sent: a form with only
 * {@code :action=file_upload}. Warehouse authenticates before it validates the form, so 403 means the token is
 * unknown, malformed or revoked, and 400 means it is known (its project scope and expiry are only checked against a
 * real upload). Indexes that answer otherwise (pypiserver: 401/403 or its own 400) fit the same reading.
 */
final class TokenProbe {
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

    void check(IndexCredentials credentials, String projectName) {
        Backoff backoff = new Backoff(settings);
        IOException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpReply reply = http.post(index.uploadUrl(), UploadForm.probe(), null, credentials, null);
                if (reply.status() == 401 || reply.status() == 403) {
                    throw UploadErrors.tokenRefused(index, credentials, null, projectName, reply);
                }
                if ((reply.status() >= 300 && reply.status() < 400) || reply.status() == 404
                        || reply.status() == 405) {
                    throw UploadErrors.wrongUrl(index, null, reply);
                }
                if (!(reply.serverError() || reply.status() == 429)) {
                    log.accept("The token from " + credentials.source() + " is known to " + index.label()
                            + " (its project scope is checked with the first upload).");
                    return;
                }
                retryAfter = reply.retryAfterDuration().orElse(null);
                last = new IOException("HTTP " + reply.status());
            } catch (IOException e) {
                last = e;
            }
            if (attempt < settings.attempts()) {
                Duration wait = backoff.delay(attempt, retryAfter);
                log.accept("The token check at " + index.uploadUrl() + " failed (" + IndexListing.describe(last)
                        + "); retrying in " + Durations.human(wait) + ".");
                sleeper.sleep(wait);
            }
        }
        throw new IndexUnreachableException("Cannot reach the upload URL of " + index.describe() + " after "
                + settings.attempts() + " attempts: " + IndexListing.describe(last)
                + ". Nothing was uploaded. Check the network, the URL and the index's status page, then run again.",
                last);
    }
}
