package io.logflux.release.github;

import io.logflux.release.secret.Secret;

import java.io.Serializable;

/**
 * A GitHub token and where it came from ("credentials 'github-token'", "environment variable GITHUB_TOKEN"), which is
 * what messages show. The token is a {@link Secret}, read only to build the Authorization header. Serializable so a
 * step can send it to the agent.
 */
public final class GitHubToken implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Secret secret;

    public GitHubToken(String secret, String source) {
        this.secret = Secret.require(secret, source, "GitHub token", "Store a token with the 'contents: write' "
                + "permission (fine-grained) or the 'repo' scope (classic) there.");
    }

    public String source() {
        return secret.source();
    }

    /** The token, for the run's {@link io.logflux.release.secret.RunSecrets} (which redacts what is printed). */
    public Secret secret() {
        return secret;
    }

    String authorization(String scheme) {
        return scheme + " " + secret.reveal();
    }

    @Override
    public String toString() {
        return "GitHubToken[" + source() + ", " + Secret.MASK + "]";
    }
}
