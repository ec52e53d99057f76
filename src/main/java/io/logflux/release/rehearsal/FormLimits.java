package io.logflux.release.rehearsal;

import org.apache.commons.fileupload2.core.MultipartInput;

import java.time.Duration;

/**
 * What one upload may carry, each checked while its body is read, before memory or disk is spent on it: the number of
 * parts, each text field's size and all text fields' together, each file's size (warehouse's per-file limit), the
 * whole body's, and the time the whole body may take (30 min, the client's own upload timeout: a body trickling in
 * just inside the idle timeout must not hold a worker for ever). A part's header section is bounded by the parser itself ({@link #PART_HEADERS_BYTES}), which bounds
 * both the number of its header lines and their length.
 */
record FormLimits(long maxFileBytes, int maxParts, int maxFieldBytes, long maxFieldsBytes, Duration maxBodyTime) {
    /** Commons FileUpload's bound on one part's header section (its lines and the blank line ending them). */
    static final int PART_HEADERS_BYTES = MultipartInput.DEFAULT_PART_HEADER_SIZE_MAX;
    /** A delimiter line: CRLF, "--", a boundary of at most 70 characters (RFC 2046 §5.1.1), CRLF. */
    private static final int DELIMITER_BYTES = 2 + 2 + 70 + 2;

    /**
     * warehouse's form has some 40 metadata fields, a few of them repeated (classifiers, requirements, URLs); 1,000
     * parts is Django's DATA_UPLOAD_MAX_NUMBER_FIELDS. 1 MiB per field and 16 MiB for all of them hold the longest
     * descriptions on PyPI.
     */
    static FormLimits forFiles(long maxFileBytes) {
        return new FormLimits(maxFileBytes, 1000, 1 << 20, 16L << 20, Duration.ofMinutes(30));
    }

    /** The largest body a form within the other limits can have: one file, the text fields, every part's framing. */
    long maxBodyBytes() {
        return maxFileBytes + maxFieldsBytes + (long) (maxParts + 1) * (PART_HEADERS_BYTES + DELIMITER_BYTES);
    }
}
