package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What must hold before an upload's body may end when its sha256 goes after the file ({@link UploadBody}): the check
 * of the release passed, and the file is as it was before anything read it, as long as the bytes sent (whose sha256
 * the body computed as it sent them). The body streams meanwhile; when one of them fails, the request is cut off
 * before the digest field and the final boundary (an index that requires a digest cannot store it, nor can
 * pypiserver, whose action follows the digest) and the failure is kept here for the uploader to throw: no retry,
 * whatever the cut-off connection looked like.
 */
final class UploadGate {
    /** Why a body was cut off: carried out of OkHttp, which closes the connection. */
    static final class StoppedException extends IOException {
        private static final long serialVersionUID = 1L;

        StoppedException(ReleaseException reason) {
            super(reason.getMessage(), reason);
        }
    }

    private final CompletableFuture<?> checkPassed;
    private final OutgoingFile file;
    private volatile ReleaseException stopped;

    /** @param checkPassed completes when the check passed; exceptionally, with the refusal, when it did not */
    UploadGate(CompletableFuture<?> checkPassed, OutgoingFile file) {
        this.checkPassed = checkPassed;
        this.file = file;
    }

    /** Cuts the body off at once, as soon as the check has failed: the rest of the file need not be sent. */
    void stopIfCheckFailed() throws StoppedException {
        if (checkPassed.isCompletedExceptionally()) {
            throw stop(failureOf(checkPassed));
        }
    }

    /**
     * Waits for the check, then checks the file: the sha256 of the bytes sent ({@code sentSha256}) is the one to send,
     * and the file's from now on; or the body is cut off.
     */
    String open(long bytesSent, String sentSha256) throws IOException {
        try {
            await(checkPassed);
            file.assertUnchanged();
            if (bytesSent != file.size()) {
                throw file.changed(bytesSent);
            }
            file.sent(new FileDigests(sentSha256, bytesSent));
            return sentSha256;
        } catch (ReleaseException e) {
            throw stop(e);
        }
    }

    /** Cuts the body off: the file has more bytes than when the publish started. */
    StoppedException stopChanged(long bytesRead) {
        return stop(file.changed(bytesRead));
    }

    /** The failure that cut the body off, if one did. */
    Optional<ReleaseException> stopReason() {
        return Optional.ofNullable(stopped);
    }

    private StoppedException stop(ReleaseException reason) {
        stopped = reason;
        return new StoppedException(reason);
    }

    private static void await(CompletableFuture<?> future) throws InterruptedIOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the check");
        } catch (ExecutionException e) {
            throw asReleaseException(e.getCause());
        }
    }

    private static ReleaseException failureOf(CompletableFuture<?> failed) {
        try {
            failed.join();
        } catch (RuntimeException e) {
            return asReleaseException(e.getCause() != null ? e.getCause() : e);
        }
        throw new IllegalStateException("the future had not failed");
    }

    private static ReleaseException asReleaseException(Throwable cause) {
        return cause instanceof ReleaseException release ? release
                : new ReleaseException("Checking or digesting the files failed: " + cause, cause);
    }
}
