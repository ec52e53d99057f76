package io.logflux.release.publish;

import io.logflux.release.ReleaseException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user name and token an upload authenticates with, and where they came from ("credentials 'pypi-token'",
 * "environment variable PYPI_API_TOKEN"), which is what every message shows. The token is only read to build the
 * Authorization header; {@link #toString()} hides it.
 */
public final class IndexCredentials {
    public static final String TOKEN_USERNAME = "__token__";
    private final String username;
    private final String secret;
    private final String source;

    public IndexCredentials(String username, String secret, String source) {
        if (secret == null || secret.isBlank()) {
            throw new ReleaseException("The token from " + source + " is empty. Store the API token there "
                    + "(it starts with 'pypi-').");
        }
        this.username = username == null || username.isBlank() ? TOKEN_USERNAME : username;
        this.secret = secret.strip();
        this.source = source;
    }

    public static IndexCredentials token(String secret, String source) {
        return new IndexCredentials(TOKEN_USERNAME, secret, source);
    }

    public String username() {
        return username;
    }

    /** Safe to print: where the token came from. */
    public String source() {
        return source;
    }

    /** True if the secret looks like a PyPI API token; PyPI refuses anything else with 403. */
    public boolean looksLikePypiToken() {
        return secret.startsWith("pypi-");
    }

    String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "IndexCredentials[" + source + ", username=" + username + ", token=****]";
    }
}
