package io.logflux.release.testindex;

/** What the next upload requests (those with a body over 1 KiB; an empty probe form is smaller) run into. */
public enum Fault {
    /** The connection is closed before any of the body is read. Nothing is stored. */
    RESET_BEFORE_BODY,
    /** The connection is closed after half of the body was read. Nothing is stored. */
    RESET_MID_BODY,
    /**
     * Half of the body is read, then no more of it until the client sends its next upload (bounded by
     * {@link TestIndex#stallMillis(long)}); then the connection is closed. Nothing is stored. A body larger than the
     * connection's buffers leaves the client blocked in a write meanwhile.
     */
    STOP_READING_MID_BODY,
    /** The whole body is read, then the connection is closed without a response. Nothing is stored. */
    RESET_AFTER_BODY,
    /** The file is stored, then the connection is closed without a response. */
    LAND_THEN_DROP_RESPONSE,
    STATUS_500, STATUS_502, STATUS_503,
    /** 429 with Retry-After: 1. Nothing is stored. */
    TOO_MANY_REQUESTS,
    /** 429 without Retry-After. Nothing is stored. */
    TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER,
    /** No response for {@link TestIndex#stallMillis(long)}, then the connection is closed. Nothing is stored. */
    STALL
}
