package io.logflux.release.version;

import io.logflux.release.ReleaseException;

/** A text that is not a PEP 440 version; the message says why. */
public final class InvalidVersionException extends ReleaseException {
    private static final long serialVersionUID = 1L;
    private final String input;
    private final String reason;

    public InvalidVersionException(String input, String reason) {
        super("'" + input + "' is not a valid PEP 440 version: " + reason);
        this.input = input;
        this.reason = reason;
    }

    public String input() {
        return input;
    }

    public String reason() {
        return reason;
    }
}
