package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.Backoff;
import io.logflux.release.http.Failures;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.StaleConnectionException;
import io.logflux.release.units.Durations;
import okhttp3.RequestBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    private final IndexClient client;
    private final PackageIndex index;
    private final Duration progressInterval;
    private final BodyLayout layout;

    /** @param layout the body layout the token probe chose ({@link UploadBody}) */
    FileUploader(IndexClient client, Duration progressInterval, BodyLayout layout) {
        this.client = client;
        this.index = client.index();
        this.progressInterval = progressInterval;
        this.layout = layout;
    }

    PublishedFile upload(OutgoingFile file, List<String> uploadedBefore) {
        UploadForm form = layout.streamsWhileChecking() ? UploadForm.describing(file.fileName(), file.metadata())
                : UploadForm.of(file.fileName(), file.metadata(), file.digests());
        // Once a POST went out without a clear answer, the file may be there, and later POSTs go on new connections;
        // what happened to the last such attempt, for the messages (null: none yet).
        String[] unclear = {null};
        return client.retry().run(Schedule.of(client.settings()), attempt -> {
            file.assertUnchanged();
            UploadProgress progress = new UploadProgress(file.fileName(), file.size(), progressInterval,
                    client.log(), System::nanoTime);
            RequestBody body = layout.streamsWhileChecking()
                    ? UploadBody.streaming(form, file.path(), file.size(), progress, file.gate(), layout)
                    : UploadBody.digestFirst(form, file.path(), file.size(), progress);
            HttpReply reply;
            try {
                reply = client.http().upload(index.uploadUrl(), body, client.credentials(), unclear[0] != null);
            } catch (IOException e) {
                // Cut off before its digest and its end (check failed, file changed): the index stored nothing.
                Optional<ReleaseException> stopped = file.gate().stopReason();
                if (stopped.isPresent()) {
                    throw stopped.get();
                }
                return afterFailedSend(file, attempt, uploadedBefore, unclear, e);
            }
            return afterAnswer(file, attempt, uploadedBefore, unclear, reply);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
                return UploadErrors.gaveUp(index, file.fileName(), attempts, problem, cause, uploadedBefore);
            }

            @Override
            public String retrying(String problem, Duration wait, int next) {
                return "Uploading " + file.fileName() + " failed (" + problem + "). Checking whether it reached "
                        + index.label() + " anyway, then retrying in " + Durations.human(wait) + " (attempt " + next
                        + " of " + client.settings().attempts() + ").";
            }

            @Override
            public Optional<PublishedFile> beforeRetry(int attemptsSoFar) {
                return landedAnyway(file, attemptsSoFar, uploadedBefore, unclear[0]);
            }
        });
    }

    private Retry.Outcome<PublishedFile> afterFailedSend(OutgoingFile file, int attempt, List<String> uploadedBefore,
                                                         String[] unclear, IOException failure) {
        unclear[0] = "whose connection broke before the index answered";
        if (failure instanceof StaleConnectionException e) {
            client.log().accept("Uploading " + file.fileName() + " to " + index.label() + " failed before any "
                    + "answer: " + e.getMessage() + ". Checking whether it arrived anyway, then sending it again "
                    + "on a new connection.");
            Optional<PublishedFile> landed = landedAnyway(file, attempt, uploadedBefore, unclear[0]);
            return landed.isPresent() ? Retry.Outcome.done(landed.get()) : Retry.Outcome.resend(e.getMessage(), e);
        }
        return Retry.Outcome.retry(Failures.describe(failure), null, failure);
    }

    private Retry.Outcome<PublishedFile> afterAnswer(OutgoingFile file, int attempt, List<String> uploadedBefore,
                                                     String[] unclear, HttpReply reply) {
        if (reply.ok()) {
            // Warehouse answers 200 to an identical re-upload too (legacy.py, _is_duplicate_file): either way
            // the index now holds these bytes under this name, and they went up from here.
            return Retry.Outcome.done(result(file, PublishedFile.Outcome.UPLOADED, attempt));
        }
        if (UploadErrors.saysExists(reply)) {
            return Retry.Outcome.done(existing(file, reply, unclear[0], attempt, uploadedBefore));
        }
        refuse(file, reply, uploadedBefore);
        unclear[0] = "an attempt of which the index answered with HTTP " + reply.status();
        return Retry.Outcome.retry("HTTP " + reply.status() + (reply.message().isEmpty() ? ""
                : " \"" + reply.message() + "\""), reply.retryAfterDuration().orElse(null), null);
    }

    /** Throws the refusal an answer is, unless it is worth another attempt (5xx, 429, 408). */
    private void refuse(OutgoingFile file, HttpReply reply, List<String> uploadedBefore) {
        int status = reply.status();
        if (status == 401 || status == 403) {
            throw UploadErrors.tokenRefused(index, client.credentials(), file.fileName(), file.normalizedName(), reply);
        }
        if (UploadErrors.saysTooLarge(reply)) {
            throw UploadErrors.tooLarge(index, file.fileName(), file.size(), reply, uploadedBefore);
        }
        if ((status >= 300 && status < 400) || status == 404 || status == 405) {
            throw UploadErrors.wrongUrl(index, file.fileName(), reply);
        }
        if (status == 400 || status == 422) {
            throw UploadErrors.badRequest(index, file.fileName(), reply, uploadedBefore);
        }
        if (!(reply.serverError() || status == 429 || status == 408)) {
            throw UploadErrors.unexpected(index, file.fileName(), reply, uploadedBefore);
        }
    }

    /**
     * After a send without a clear answer ({@code unclear} says what happened to it): the file if the index lists it
     * with our sha256, empty if it does not list it.
     */
    private Optional<PublishedFile> landedAnyway(OutgoingFile file, int attempt, List<String> uploadedBefore,
                                                 String unclear) {
        RemoteFile remote = client.release(file.normalizedName(), file.version()).get(file.fileName());
        if (remote != null && remote.sameAs(file.digests())) {
            client.log().accept(file.fileName() + " did reach " + index.label() + " (same sha256): only the answer "
                    + "was lost. Not sending it again.");
            return Optional.of(result(file, PublishedFile.Outcome.UPLOADED, attempt).withUrl(remote.url().orElse(null)));
        }
        if (remote != null && remote.sha256().isPresent()) {
            throw UploadErrors.arrivedDifferent(index, file.release(), remote, null, unclear, uploadedBefore);
        }
        return Optional.empty();
    }

    /**
     * After "already exists": our file (skip) or someone else's (stop), as the listing shows once it catches up;
     * {@code unclear} is what happened to an earlier attempt that got no clear answer (null: there was none).
     */
    private PublishedFile existing(OutgoingFile file, HttpReply reply, String unclear, int attempt,
                                   List<String> uploadedBefore) {
        boolean sentBefore = unclear != null;
        return client.retry().run(Schedule.attempts(EXISTING_LOOKS, new Backoff(client.settings())), look -> {
            RemoteFile remote = client.release(file.normalizedName(), file.version()).get(file.fileName());
            if (remote != null && remote.sameAs(file.digests())) {
                // Found after a send of ours that got no answer: that send is what put it there.
                PublishedFile.Outcome outcome = sentBefore ? PublishedFile.Outcome.UPLOADED
                        : PublishedFile.Outcome.ALREADY_PRESENT;
                client.log().accept(index.label() + " already has " + file.fileName() + " with the same sha256"
                        + (sentBefore ? " (an earlier attempt landed; its answer was lost)" : "") + ": skipped.");
                return Retry.Outcome.done(result(file, outcome, attempt).withUrl(remote.url().orElse(null)));
            }
            if (remote != null && remote.sha256().isPresent()) {
                throw sentBefore ? UploadErrors.arrivedDifferent(index, file.release(), remote, reply, unclear,
                        uploadedBefore) : UploadErrors.conflict(index, file.release(), remote, reply, uploadedBefore);
            }
            return Retry.Outcome.retry(remote == null ? "yet" : "with a sha256", null, null);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int looks, String problem, Throwable cause) {
                return UploadErrors.existsButNotListed(index, file.release(), reply, uploadedBefore);
            }

            @Override
            public String retrying(String notListed, Duration wait, int next) {
                return index.label() + " says " + file.fileName() + " already exists but does not list it "
                        + notListed + "; looking again in " + Durations.human(wait) + " (look " + next + " of "
                        + EXISTING_LOOKS + ").";
            }
        });
    }

    private static PublishedFile result(OutgoingFile file, PublishedFile.Outcome outcome, int attempts) {
        return new PublishedFile(file.fileName(), file.digests().sha256(), file.digests().size(), outcome, attempts,
                Optional.empty());
    }
}
