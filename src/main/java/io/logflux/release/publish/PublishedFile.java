package io.logflux.release.publish;

import java.util.Optional;

/**
 * One file's result.
 *
 * @param attempts how many POSTs this run sent for it (0 when it was already on the index)
 */
public record PublishedFile(String fileName, String sha256, long size, Outcome outcome, int attempts,
                            Optional<String> url) {
    public enum Outcome {
        /** This run uploaded it. */
        UPLOADED,
        /** The index already had exactly these bytes (an earlier run): skipped. */
        ALREADY_PRESENT
    }

    PublishedFile withUrl(String url) {
        return new PublishedFile(fileName, sha256, size, outcome, attempts, Optional.ofNullable(url));
    }
}
