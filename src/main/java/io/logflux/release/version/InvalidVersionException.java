package io.logflux.release.version;

import io.logflux.release.ReleaseException;

/** A text that is not a PEP 440 version; the message says why. */
public final class InvalidVersionException extends ReleaseException {
    private static final long serialVersionUID = 1L;
    private final String problem;

    public InvalidVersionException(String input, String problem) {
        super("'" + input + "' is not a valid PEP 440 version: " + problem);
        this.problem = problem;
    }

    /** What is wrong with the text, for messages that quote it in their own words. */
    public String problem() {
        return problem;
    }

    @Override
    public String reason() {
        return "invalid_version";
    }
}
