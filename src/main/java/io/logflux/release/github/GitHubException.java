package io.logflux.release.github;

import io.logflux.release.ReleaseException;

/** GitHub refused a request; the message quotes GitHub's and names the repository, the tag and the token's origin. */
public class GitHubException extends ReleaseException {
    private static final long serialVersionUID = 1L;
    private final int status;

    GitHubException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** "token" when GitHub did not take the token at all (401), else "github". */
    @Override
    public String reason() {
        return status == 401 ? "token" : "github";
    }
}
