package io.logflux.release.publish;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads one file, retrying only what is safe: connection failures, timeouts, 5xx and 429 (after its Retry-After).
 * After a failed POST the upload may have landed anyway (the response was lost), so before re-sending, the index is
 * asked whether it now has the file; if it has our sha256 the file is done. A 409 or a 400 "already exists" is read
 * the same way: ours (skip) or someone else's (stop). So a file is never stored twice, and a retry never hides a
 * conflict.
 */
final class FileUploader {
    private static final Pattern EXISTING_BLAKE2 = Pattern.compile("blake2_256 hash '([0-9a-f]{64})'");

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
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            file.assertUnchanged();
            UploadProgress progress = new UploadProgress(file.fileName(), file.digests().size(), progressInterval, log,
                    System::nanoTime);
            try {
                HttpReply reply = http.post(index.uploadUrl(), form, file.path(), credentials, progress);
                if (reply.ok()) {
                    return result(file, PublishedFile.Outcome.UPLOADED, attempt);
                }
                if (UploadErrors.saysExists(reply)) {
                    return existing(file, reply, attempt, uploadedBefore);
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
            } catch (IOException e) {
                lastProblem = IndexListing.describe(e);
                lastCause = e;
            }
            if (attempt >= settings.attempts()) {
                throw UploadErrors.gaveUp(index, file.fileName(), attempt, lastProblem, lastCause, uploadedBefore);
            }
            Duration wait = backoff.delay(attempt, retryAfter);
            log.accept("Uploading " + file.fileName() + " failed (" + lastProblem + "). Checking whether it reached "
                    + index.label() + " anyway, then retrying in " + Durations.human(wait) + " (attempt "
                    + (attempt + 1) + " of " + settings.attempts() + ").");
            sleeper.sleep(wait);
            RemoteFile remote = listing.release(file.normalizedName(), file.version()).get(file.fileName());
            if (remote != null && remote.sameAs(file.digests())) {
                log.accept(file.fileName() + " did reach " + index.label() + " (same sha256): only the answer was "
                        + "lost. Not sending it again.");
                return result(file, PublishedFile.Outcome.UPLOADED, attempt).withUrl(remote.url().orElse(null));
            }
            if (remote != null && remote.sha256().isPresent()) {
                throw UploadErrors.conflict(index, file, remote, uploadedBefore);
            }
        }
    }

    private PublishedFile existing(ReleaseFile file, HttpReply reply, int attempt, List<String> uploadedBefore) {
        Matcher blake2 = EXISTING_BLAKE2.matcher(reply.message());
        if (blake2.find() && blake2.group(1).equals(file.digests().blake2b256())) {
            log.accept(index.label() + " already has " + file.fileName() + " with the same BLAKE2 digest: skipped.");
            return result(file, attemptOutcome(attempt), attempt);
        }
        RemoteFile remote = listing.release(file.normalizedName(), file.version()).get(file.fileName());
        if (remote != null && remote.sameAs(file.digests())) {
            log.accept(index.label() + " already has " + file.fileName() + " with the same sha256: skipped.");
            return result(file, attemptOutcome(attempt), attempt).withUrl(remote.url().orElse(null));
        }
        if (remote != null && remote.sha256().isPresent()) {
            throw UploadErrors.conflict(index, file, remote, uploadedBefore);
        }
        throw UploadErrors.existsButNotListed(index, file, reply, uploadedBefore);
    }

    /** A file found on the index after our own failed attempt is ours; on the first attempt it was there before. */
    private static PublishedFile.Outcome attemptOutcome(int attempt) {
        return attempt > 1 ? PublishedFile.Outcome.UPLOADED : PublishedFile.Outcome.ALREADY_PRESENT;
    }

    private static PublishedFile result(ReleaseFile file, PublishedFile.Outcome outcome, int attempts) {
        return new PublishedFile(file.fileName(), file.digests().sha256(), file.digests().size(), outcome, attempts,
                Optional.empty());
    }
}
