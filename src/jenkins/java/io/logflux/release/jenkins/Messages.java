package io.logflux.release.jenkins;

/**
 * The Jenkins layer's user-facing texts. Hand-written: the localizer plugin that generates Messages classes in
 * Jenkins plugins cannot run in this project's build (docs/architecture.md).
 */
final class Messages {
    private Messages() {
    }

    static String verifyVersionDisplayName() {
        return "Verify that the package version matches the release tag";
    }

    static String noReleaseTag() {
        return "No release tag: this build is not a tag build (TAG_NAME is not set) and logfluxVerifyVersion got no "
                + "tag. Pass one: logfluxVerifyVersion tag: params.TAG in a parameterized build, or run the stage "
                + "only on tag builds (when { buildingTag() }), where env.TAG_NAME is set and used by default.";
    }

    static String checkFailed(String firstError) {
        return "The built files failed validation: " + firstError + " (the report above lists every finding)";
    }

    static String versionMismatch(String headline) {
        return headline + " (the report above lists every place that states the version, and what to do)";
    }

    static String noCredentialsId(String purpose) {
        return "No credentialsId given for " + purpose + ". Pass the ID of a Secret text credential that holds it, "
                + "for example credentialsId: 'pypi-token'.";
    }

    /** credentials-binding's wording for a missing entry, and what to do. */
    static String credentialsNotFound(String credentialsId, String purpose) {
        return "Could not find credentials entry with ID '" + credentialsId + "' (" + purpose + "). Add a Secret text "
                + "credential with this ID in Jenkins, or fix credentialsId.";
    }

    static String credentialsOfWrongKind(String credentialsId, String purpose) {
        return "Credentials entry '" + credentialsId + "' (" + purpose + ") is neither Secret text nor Username with "
                + "password, so it holds no token. Store the token as a Secret text credential, or fix credentialsId.";
    }

    static String credentialsEmpty(String credentialsId, String purpose) {
        return "Credentials entry '" + credentialsId + "' (" + purpose + ") is empty. Paste the token into it in "
                + "Jenkins, or fix credentialsId.";
    }

    static String latestAuto() {
        return "auto: when its version is the highest final one";
    }

    static String latestTrue() {
        return "true: always";
    }

    static String latestFalse() {
        return "false: never";
    }

    static String publishDisplayName() {
        return "Publish wheels and sdists to PyPI, TestPyPI or another package index";
    }

    static String noRepository() {
        return "logfluxPublish needs repository: 'pypi', 'testpypi' or the upload URL of your index.";
    }

    static String tokenPurpose(String index) {
        return "the API token for " + index;
    }

    static String notATokenUser(String credentialsId, String username) {
        return "Credentials entry '" + credentialsId + "' is a Username with password entry for user '" + username
                + "', but PyPI accepts only API tokens (user name __token__). Store the token as Secret text, or set "
                + "the user name of this entry to __token__.";
    }

    static String gitHubReleaseDisplayName() {
        return "Attach the files to the GitHub release of the tag";
    }

    static String noGitHubTag() {
        return "No release tag for the GitHub release: this build is not a tag build (TAG_NAME is not set) and "
                + "githubRelease got no tag. Pass githubRelease: [tag: params.TAG, …], or run on tag builds.";
    }

    static String gitHubTokenPurpose(String repo) {
        return "the GitHub token for " + repo;
    }

    static String nothingToPublish() {
        return "logfluxPublish has nothing to do: repository is 'none' and there is no githubRelease. Give a repository "
                + "('pypi', 'testpypi' or an upload URL), githubRelease: [...], or both.";
    }

    static String yankDisplayName() {
        return "Yank a bad release (index and GitHub), and verify it";
    }

    static String yankNeedsProjectAndVersion() {
        return "logfluxYank needs project: (the PyPI project, e.g. 'logflux') and version: (e.g. '0.2.0').";
    }

    static String yankNeedsGitHub(String mode) {
        return "logfluxYank github: '" + mode + "' needs githubRepo: 'owner/name' and githubCredentialsId:.";
    }

    static String yankNotVerified() {
        return "The yank is not verified (see the report above): build marked UNSTABLE. Finish it by hand, then run "
                + "logfluxYank again to verify.";
    }

    /** The stage marker's text (WarningAction): what the build log line says, without the how-to. */
    static String yankNotVerifiedShort() {
        return "logfluxYank: the yank is not verified";
    }

    static String tokenCheckWarned() {
        return "logfluxCheckTokens: a token needs attention soon (see the table in the log)";
    }

    static String checkTokensDisplayName() {
        return "Check API tokens: validity, scope, expiry and age";
    }

    static String tokenSpecDisplayName() {
        return "A token to check";
    }

    static String noTokensToCheck() {
        return "logfluxCheckTokens needs tokens: [[kind: 'pypi', credentialsId: 'pypi-token', project: 'logflux'], "
                + "[kind: 'github', credentialsId: 'github-token', repo: 'owner/name']].";
    }

    static String auditNeedsGitHub() {
        return "logfluxCheckTokens audit: needs a github token with its repo among the tokens.";
    }

    static String tokenCheckFailed() {
        return "Token check failed (the table above says which token and why): rotate or fix those tokens.";
    }

    static String badCreatedDate(String credentialsId, String created) {
        return "Token '" + credentialsId + "': created '" + created + "' is not a date; write YYYY-MM-DD.";
    }

    static String credentialsIdRequired() {
        return "Choose the credentials entry that holds the token.";
    }

    static String credentialsIdExpression() {
        return "Cannot check an expression here; it is resolved when the build runs.";
    }

    static String credentialsIdOfWrongKind(String credentialsId) {
        return "Credentials '" + credentialsId + "' are neither Secret text nor Username with password, so they hold "
                + "no token. Choose a Secret text entry that holds the token.";
    }

    static String credentialsIdNotFound(String credentialsId) {
        return "Cannot find credentials '" + credentialsId + "' for this job, as its builds will look them up. Add a "
                + "Secret text entry with this ID where the job can use it, or choose another.";
    }
}
