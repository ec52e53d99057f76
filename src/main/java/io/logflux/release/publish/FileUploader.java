package io.logflux.release.publish;

import io.logflux.release.http.Failures;

import io.logflux.release.units.Durations;

import io.logflux.release.http.StaleConnectionException;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Sleeper;

import io.logflux.release.http.Backoff;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Uploads one file, retrying only what is safe: connection failures, timeouts, 5xx and 429 (after its Retry-After).
 * After a failed POST the upload may have landed anyway (the response was lost), so before re-sending, the index is
 * asked whether it now has the file; if it has our sha256 the file is done. Every re-send goes on a new connection. A
 * stale kept-alive connection (the server had closed it) is looked at the same way but re-sent at once, without waiting
 * and without counting as an attempt: the new connection cannot be stale.
 * <p>
 * "Already exists" (409, or 400 "File already exists") is read by evidence only: warehouse's 400 quotes the hash of
 * the bytes just sent, not of the file it holds, so only the listing's sha256 tells ours (skip) from someone else's
 * (stop); while the listing lags, it is asked again, a bounded number of times.
 */
final class FileUploader {
    /** Looks at the listing after an "already exists" answer: the first and five more, waits doubling in between. */
    static final int EXISTING_LOOKS = 6;

    private final PackageIndex index;
    private final IndexCredentials credentials;
    private final IndexHttp http;
    private final IndexListing listing;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final Consumer<String> log;
    private final Duration progressInterval;

    FileUploader(PackageIndex index, IndexCredentials credentials, IndexHttp http, IndexListing listing,
                 HttpSettings settings, Sleeper sleeper, Consumer<String> log, Duration progressInterval) {
        this.index = index;
        this.credentials = credentials;
        this.http = http;
        this.listing = listing;
        this.settings = settings;
        this.sleeper = sleeper;
        this.log = log;
        this.progressInterval = progressInterval;
    }

    PublishedFile upload(ReleaseFile file, List<String> uploadedBefore) {
        UploadForm form = UploadForm.of(file.fileName(), file.metadata(), file.digests());
        Backoff backoff = new Backoff(settings);
        String lastProblem = null;
        Throwable lastCause = null;
        boolean sentBefore = false;
        boolean freshConnection = false;
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            file.assertUnchanged();
            UploadProgress progress = new UploadProgress(file.fileName(), file.digests().size(), progressInterval, log,
                    System::nanoTime);
            try {
                HttpReply reply = http.post(index.uploadUrl(), form, file.path(), credentials, progress,
                        freshConnection);
                if (reply.ok()) {
                    // Warehouse answers 200 to an identical re-upload too (legacy.py, _is_duplicate_file): either way
                    // the index now holds these bytes under this name, and they went up from here.
                    return result(file, PublishedFile.Outcome.UPLOADED, attempt);
                }
                if (UploadErrors.saysExists(reply)) {
                    return existing(file, reply, sentBefore, attempt, uploadedBefore);
                }
                if (reply.status() == 401 || reply.status() == 403) {
                    throw UploadErrors.tokenRefused(index, credentials, file.fileName(), file.normalizedName(), reply);
                }
                if (UploadErrors.saysTooLarge(reply)) {
                    throw UploadErrors.tooLarge(index, file.fileName(), file.digests().size(), reply, uploadedBefore);
                }
                if ((reply.status() >= 300 && reply.status() < 400) || reply.status() == 404 || reply.status() == 405) {
                    throw UploadErrors.wrongUrl(index, file.fileName(), reply);
                }
                if (reply.status() == 400 || reply.status() == 422) {
                    throw UploadErrors.badRequest(index, file.fileName(), reply, uploadedBefore);
                }
                if (!(reply.serverError() || reply.status() == 429 || reply.status() == 408)) {
                    throw UploadErrors.unexpected(index, file.fileName(), reply, uploadedBefore);
                }
                retryAfter = reply.retryAfterDuration().orElse(null);
                lastProblem = "HTTP " + reply.status() + (reply.message().isEmpty() ? "" : " \"" + reply.message() + "\"");
                lastCause = null;
            } catch (StaleConnectionException e) {
                sentBefore = true;
                freshConnection = true;
                log.accept("Uploading " + file.fileName() + " to " + index.label() + " failed before any answer: "
                        + e.getMessage() + ". Checking whether it arrived anyway, then sending it again on a new "
                        + "connection.");
                PublishedFile landed = landedAnyway(file, attempt, uploadedBefore);
                if (landed != null) {
                    return landed;
                }
                attempt--;
                continue;
            } catch (IOException e) {
                lastProblem = Failures.describe(e);
                lastCause = e;
            }
            sentBefore = true;
            freshConnection = true;
            if (attempt >= settings.attempts()) {
                throw UploadErrors.gaveUp(index, file.fileName(), attempt, lastProblem, lastCause, uploadedBefore);
            }
            Duration wait = backoff.delay(attempt, retryAfter);
            log.accept("Uploading " + file.fileName() + " failed (" + lastProblem + "). Checking whether it reached "
                    + index.label() + " anyway, then retrying in " + Durations.human(wait) + " (attempt "
                    + (attempt + 1) + " of " + settings.attempts() + ").");
            sleeper.sleep(wait);
            PublishedFile landed = landedAnyway(file, attempt, uploadedBefore);
            if (landed != null) {
                return landed;
            }
        }
    }

    /** After a send without an answer: the file if the index lists it with our sha256, null if it does not list it. */
    private PublishedFile landedAnyway(ReleaseFile file, int attempt, List<String> uploadedBefore) {
        RemoteFile remote = listing.release(file.normalizedName(), file.version()).get(file.fileName());
        if (remote != null && remote.sameAs(file.digests())) {
            log.accept(file.fileName() + " did reach " + index.label() + " (same sha256): only the answer was "
                    + "lost. Not sending it again.");
            return result(file, PublishedFile.Outcome.UPLOADED, attempt).withUrl(remote.url().orElse(null));
        }
        if (remote != null && remote.sha256().isPresent()) {
            throw UploadErrors.conflict(index, file, remote, uploadedBefore);
        }
        return null;
    }

    private PublishedFile existing(ReleaseFile file, HttpReply reply, boolean sentBefore, int attempt,
                                   List<String> uploadedBefore) {
        Backoff backoff = new Backoff(settings);
        for (int look = 1; ; look++) {
            RemoteFile remote = listing.release(file.normalizedName(), file.version()).get(file.fileName());
            if (remote != null && remote.sameAs(file.digests())) {
                // Found after a send of ours that got no answer: that send is what put it there.
                PublishedFile.Outcome outcome = sentBefore ? PublishedFile.Outcome.UPLOADED
                        : PublishedFile.Outcome.ALREADY_PRESENT;
                log.accept(index.label() + " already has " + file.fileName() + " with the same sha256"
                        + (sentBefore ? " (an earlier attempt landed; its answer was lost)" : "") + ": skipped.");
                return result(file, outcome, attempt).withUrl(remote.url().orElse(null));
            }
            if (remote != null && remote.sha256().isPresent()) {
                throw UploadErrors.conflict(index, file, remote, uploadedBefore);
            }
            if (look >= EXISTING_LOOKS) {
                throw UploadErrors.existsButNotListed(index, file, reply, uploadedBefore);
            }
            Duration wait = backoff.delay(look, null);
            log.accept(index.label() + " says " + file.fileName() + " already exists but does not list it "
                    + (remote == null ? "yet" : "with a sha256") + "; looking again in " + Durations.human(wait)
                    + " (look " + (look + 1) + " of " + EXISTING_LOOKS + ").");
            sleeper.sleep(wait);
        }
    }

    private static PublishedFile result(ReleaseFile file, PublishedFile.Outcome outcome, int attempts) {
        return new PublishedFile(file.fileName(), file.digests().sha256(), file.digests().size(), outcome, attempts,
                Optional.empty());
    }
}
