package io.logflux.release.publish;

import io.logflux.release.secret.Secret;

import java.io.Serializable;

/**
 * The user name and token an upload authenticates with, and where they came from ("credentials 'pypi-token'",
 * "environment variable PYPI_API_TOKEN"), which is what every message shows. The token is a {@link Secret}: read only
 * to build the Authorization header; {@link #toString()} hides it. Serializable so a step can send it to the agent.
 */
public final class IndexCredentials implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String TOKEN_USERNAME = "__token__";
    private final String username;
    private final Secret secret;

    public IndexCredentials(String username, String secret, String source) {
        this.username = username == null || username.isBlank() ? TOKEN_USERNAME : username;
        this.secret = Secret.require(secret, source, "token", "Store the API token there (it starts with 'pypi-').")
                .sentAsPasswordOf(this.username);
    }

    public static IndexCredentials token(String secret, String source) {
        return new IndexCredentials(TOKEN_USERNAME, secret, source);
    }

    /**
     * The credentials for {@code index}: no user name means {@value #TOKEN_USERNAME} (an API token); on PyPI and
     * TestPyPI, which accept only API tokens, any other user name is refused before anything is sent.
     *
     * @throws NotATokenUserException for a user name other than {@value #TOKEN_USERNAME} on PyPI or TestPyPI
     */
    public static IndexCredentials forIndex(PackageIndex index, String username, String secret, String source) {
        IndexCredentials credentials = new IndexCredentials(username, secret, source);
        if (index.isWarehouseHosted() && !credentials.username.equals(TOKEN_USERNAME)) {
            throw new NotATokenUserException(credentials.username, source);
        }
        return credentials;
    }

    public String username() {
        return username;
    }

    /** Safe to print: where the token came from. */
    public String source() {
        return secret.source();
    }

    /** True if the secret looks like a PyPI API token; PyPI refuses anything else with 403. */
    public boolean looksLikePypiToken() {
        return secret.startsWith("pypi-");
    }

    /** The token, for the run's {@link io.logflux.release.secret.RunSecrets} (which redacts what is printed). */
    public Secret secret() {
        return secret;
    }

    String authorizationHeader() {
        return secret.basicAuthorization(username);
    }

    @Override
    public String toString() {
        return "IndexCredentials[" + source() + ", username=" + username + ", token=" + Secret.MASK + "]";
    }
}
