package io.logflux.release.tokens;

import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.GitHubTokenInfo;
import io.logflux.release.github.GitHubTokenInspector;

/**
 * Whether a GitHub token may push (create releases, upload assets), judged by the rules of its kind. GitHub's answer
 * for the repository carries {@code permissions} for personal tokens — for a fine-grained one they are its owner's
 * role, which bounds the token's own grant that GitHub does not report — and leaves them out for GitHub App
 * installation tokens, whose grant is the App's.
 */
final class GitHubPushJudgement {
    private GitHubPushJudgement() {
    }

    static TokenFinding of(TokenToCheck token, GitHubRepo repo, GitHubTokenInfo info) {
        String source = token.source();
        if (info.push().isEmpty()) {
            if (GitHubTokenInspector.isInstallationToken(token.secret())) {
                return new TokenFinding(source, "push", Level.OK, "a GitHub App installation token that can see "
                        + repo + "; GitHub does not list its permissions: releases need the App's 'contents: write' "
                        + "(in GitHub Actions: permissions: contents: write)");
            }
            return new TokenFinding(source, "push", Level.WARN, "GitHub did not say whether it may push to " + repo
                    + " (no permissions in its answer): releases need 'contents: write' (fine-grained) or 'repo'");
        }
        if (!info.push().get()) {
            return new TokenFinding(source, "push", Level.FAIL, "may read " + repo + " but not push: releases need "
                    + "'contents: write' (fine-grained) or 'repo'");
        }
        if (GitHubTokenInspector.isFineGrained(token.secret())) {
            return new TokenFinding(source, "push", Level.OK, "its owner may push to " + repo + "; the token itself "
                    + "needs 'Contents: read and write' on it, which GitHub does not report");
        }
        return new TokenFinding(source, "push", Level.OK, "may push to " + repo + " (create releases, upload assets)");
    }
}
