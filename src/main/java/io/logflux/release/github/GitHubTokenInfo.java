package io.logflux.release.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What GitHub says about a token, from {@code GET /repos/{owner}/{repo}}: the status, push permission (empty when
 * GitHub leaves {@code permissions} out, as it does for GitHub App installation tokens), the classic
 * scopes ({@code X-OAuth-Scopes}; fine-grained tokens have none), and the expiry
 * ({@code GitHub-Authentication-Token-Expiration}; absent for tokens that never expire).
 */
public record GitHubTokenInfo(int status, Optional<Boolean> push, List<String> scopes, Optional<Instant> expires,
                              String message) {
}
