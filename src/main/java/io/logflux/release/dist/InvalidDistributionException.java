package io.logflux.release.dist;

import io.logflux.release.ReleaseException;

/** A built file (wheel or sdist) that cannot be used as it is; the message names the file and what to do. */
public class InvalidDistributionException extends ReleaseException {
    private static final long serialVersionUID = 1L;

    public InvalidDistributionException(String message) {
        super(message);
    }

    public InvalidDistributionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return "invalid_file";
    }
}
