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

    public int status() {
        return status;
    }

    @Override
    public String reason() {
        return "github";
    }
}
