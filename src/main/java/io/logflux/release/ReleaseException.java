package io.logflux.release;

/**
 * A failure reported to the user. The message says what is wrong, naming the file, the index or the
 * credentials id concerned (never a secret), and what to do about it. Callers print the message as it is,
 * without a stack trace.
 */
public class ReleaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseException(String message) {
        super(message);
    }

    public ReleaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What kind of failure this is, as a word a Jenkinsfile or a JSON reader can test ("token", "conflict",
     * "unreachable", …); "failed" when nothing more specific is known.
     */
    public String reason() {
        return "failed";
    }
}
