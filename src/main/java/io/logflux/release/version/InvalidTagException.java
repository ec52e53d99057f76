package io.logflux.release.version;

import io.logflux.release.ReleaseException;

/** A release tag that is missing or not a version. */
public final class InvalidTagException extends ReleaseException {
    private static final long serialVersionUID = 1L;
    static final String ADVICE = "Tag the release with the package version, with or without a 'v' prefix "
            + "(e.g. v0.2.0 or 0.2.0).";

    public InvalidTagException(String tag, String reason) {
        super(tag == null || tag.isBlank()
                ? "No release tag given: " + reason + ". " + ADVICE
                : "Release tag '" + tag + "' is not a version: " + reason + ". " + ADVICE);
    }

    @Override
    public String reason() {
        return "invalid_tag";
    }
}
