package io.logflux.release.github;

import io.logflux.release.UnreachableException;

/** GitHub did not answer (network, outage, rate limits that outlast the retries). */
public final class GitHubUnreachableException extends UnreachableException {
    private static final long serialVersionUID = 1L;

    GitHubUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
