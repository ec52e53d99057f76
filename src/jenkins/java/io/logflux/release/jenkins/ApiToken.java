package io.logflux.release.jenkins;

import java.util.Objects;
import java.util.Optional;

/**
 * A token read from a Jenkins credentials entry, for one step run. Deliberately not {@link java.io.Serializable}, so it
 * can never end up in a persisted step execution; without equals/hashCode; its {@link #toString()} names only the
 * credentials id. {@link CredentialLookup} turns it into the engine's own types (IndexCredentials, GitHubToken), which
 * are what a callable carries to the agent for that one call (as credentials-binding hands secrets to agents), never
 * anything that is saved.
 */
public final class ApiToken {
    private final String credentialsId;
    private final String username;
    private final String secret;

    ApiToken(String credentialsId, String username, String secret) {
        this.credentialsId = Objects.requireNonNull(credentialsId, "credentialsId");
        this.username = username;
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** The id of the credentials entry the token came from; safe to print. */
    public String credentialsId() {
        return credentialsId;
    }

    /** The username of a "Username with password" entry; empty for a "Secret text" entry. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The token itself. Read it only where the HTTP request is built; never print it. */
    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ApiToken[credentialsId=" + credentialsId + username().map(u -> ", username=" + u).orElse("")
                + ", secret=****]";
    }
}
