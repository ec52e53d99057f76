package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

import java.util.Locale;
import java.util.Optional;

/**
 * The index answered and said no (or its listing shows another file under our name): retrying would not help. Carries
 * what a caller may act on without reading the message: why, the HTTP status, the index's own words and the file.
 */
public final class IndexRefusedException extends ReleaseException {
    private static final long serialVersionUID = 1L;

    /** Why the index refused. */
    public enum Reason {
        /** The token (or the login for reads) was refused: 401/403. */
        TOKEN,
        /** A different file already holds the name. */
        CONFLICT,
        /** The file is over the index's size limit. */
        TOO_LARGE,
        /** The URL is not an upload URL (a redirect, 404, 405). */
        WRONG_URL,
        /** The index refused the file or its metadata (400/422). */
        BAD_REQUEST,
        /** The index says the file exists but never lists it with our sha256. */
        EXISTS_NOT_LISTED,
        /** An answer this tool does not know how to read. */
        UNEXPECTED
    }

    private final Reason refusal;
    private final int status;
    private final String indexMessage;
    private final String fileName;

    /**
     * @param status       the HTTP status, 0 when the refusal was read from the listing rather than from an answer
     * @param indexMessage the index's own words ({@link HttpReply#message()}), empty if it gave none
     * @param fileName     the file concerned, null when the refusal was not about one file (the token probe)
     */
    IndexRefusedException(Reason refusal, int status, String indexMessage, String fileName, String message) {
        super(message);
        this.refusal = refusal;
        this.status = status;
        this.indexMessage = indexMessage == null ? "" : indexMessage;
        this.fileName = fileName;
    }

    IndexRefusedException(Reason refusal, HttpReply reply, String fileName, String message) {
        this(refusal, reply == null ? 0 : reply.status(), reply == null ? "" : reply.message(), fileName, message);
    }

    public Reason refusal() {
        return refusal;
    }

    public int status() {
        return status;
    }

    public String indexMessage() {
        return indexMessage;
    }

    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** "token", "conflict", "too_large", "wrong_url", "bad_request", "exists_not_listed" or "unexpected". */
    @Override
    public String reason() {
        return refusal.name().toLowerCase(Locale.ROOT);
    }
}
