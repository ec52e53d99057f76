package io.logflux.release.github;

import io.logflux.release.UnreachableException;
import io.logflux.release.http.StaleConnectionException;

/** GitHub did not answer (network, outage, rate limits that outlast the retries). */
public final class GitHubUnreachableException extends UnreachableException {
    private static final long serialVersionUID = 1L;

    GitHubUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when the request failed before any answer on a kept-alive connection the server had closed: a new
     * connection cures it (for a request sent once, after looking whether it took effect).
     */
    boolean staleConnection() {
        return getCause() instanceof StaleConnectionException;
    }
}
