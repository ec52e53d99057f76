package io.logflux.release.github;

import io.logflux.release.ReleaseException;

/**
 * A GitHub token and where it came from ("credentials 'github-token'", "environment variable GITHUB_TOKEN"), which is
 * what messages show. The token is read only to build the Authorization header.
 */
public final class GitHubToken {
    private final String secret;
    private final String source;

    public GitHubToken(String secret, String source) {
        if (secret == null || secret.isBlank()) {
            throw new ReleaseException("The GitHub token from " + source + " is empty. Store a token with the "
                    + "'contents: write' permission (fine-grained) or the 'repo' scope (classic) there.");
        }
        this.secret = secret.strip();
        this.source = source;
    }

    public String source() {
        return source;
    }

    String authorization(String scheme) {
        return scheme + " " + secret;
    }

    @Override
    public String toString() {
        return "GitHubToken[" + source + ", ****]";
    }
}
