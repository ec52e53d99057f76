package io.logflux.release.publish;

import io.logflux.release.UnreachableException;

/** The index could not be reached (DNS, connection, TLS, timeouts) after every retry: exit status 3 on the CLI. */
public final class IndexUnreachableException extends UnreachableException {
    private static final long serialVersionUID = 1L;

    public IndexUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
