package io.logflux.release.tokens;

import io.logflux.release.secret.Secret;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One token to check. Not a record on purpose: a record's toString would print the secret.
 */
public final class TokenToCheck {
    private final TokenKind kind;
    private final Secret secret;
    private final String project;
    private final String githubRepo;
    private final LocalDate createdOn;

    /**
     * @param source     how reports name it: "credentials 'pypi-token'", "environment variable PYPI_API_TOKEN"
     * @param project    the PyPI project it must be scoped to (PyPI kinds), or null
     * @param githubRepo the repository it must reach with push access (GitHub), or null
     * @param createdOn  when it was created, if known (else the ledger's first sighting is its age)
     */
    public TokenToCheck(TokenKind kind, String source, String secret, String project, String githubRepo,
                        LocalDate createdOn) {
        this.kind = kind;
        this.secret = Secret.orEmpty(secret, source);
        this.project = project;
        this.githubRepo = githubRepo;
        this.createdOn = createdOn;
    }

    public TokenKind kind() {
        return kind;
    }

    public String source() {
        return secret.source();
    }

    String secret() {
        return secret.reveal();
    }

    boolean isEmpty() {
        return secret.isEmpty();
    }

    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    public Optional<String> githubRepo() {
        return Optional.ofNullable(githubRepo);
    }

    public Optional<LocalDate> createdOn() {
        return Optional.ofNullable(createdOn);
    }

    @Override
    public String toString() {
        return "TokenToCheck[" + kind + ", " + source() + ", " + Secret.MASK + "]";
    }
}
