package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import io.logflux.release.publish.FileDigests;
import io.logflux.release.publish.FileSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rate limits, release notes, repository names, content types and checksums. */
class GitHubPartsTest {
    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final GitHubHttp http = new GitHubHttp(GitHubEndpoint.defaults(), new GitHubToken("t", "test"),
            GitHubFixtures.fastSettings(), d -> { }, () -> NOW, Duration.ZERO, line -> { });

    private static GitHubReply reply(int status, String body, Map<String, List<String>> headers) {
        return new GitHubReply(status, body, headers);
    }

    @Test
    void rateLimitsAreReadFromRetryAfterThenTheResetTimeThenSecondaryLimitMessages() {
        assertThat(http.rateLimitWait(reply(403, "{}", Map.of("Retry-After", List.of("30")))))
                .contains(Duration.ofSeconds(30));
        assertThat(http.rateLimitWait(reply(403, "{}", Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(Long.toString(NOW / 1000 + 90)))))).contains(Duration.ofSeconds(90));
        assertThat(http.rateLimitWait(reply(429, "{}", Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(Long.toString(NOW + 5_000)))))).as("milliseconds, as in the recordings")
                .contains(Duration.ofSeconds(5));
        assertThat(http.rateLimitWait(reply(403, "{\"message\":\"You have exceeded a secondary rate limit.\"}",
                Map.of()))).contains(Duration.ofMinutes(1));
        assertThat(http.rateLimitWait(reply(403, "{\"message\":\"Resource not accessible by integration\"}",
                Map.of()))).isEmpty();
        assertThat(http.rateLimitWait(reply(403, "{}", Map.of("Retry-After", List.of("86400")))))
                .as("capped").contains(Duration.ofMinutes(15));
    }

    @Test
    void theVersionsChangelogSectionBecomesTheNotes() throws Exception {
        Path changelog = Files.writeString(dir.resolve("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n- next\n\n"
                + "## [1.0.0-beta.2] - 2024-03-01\n### Fixed\n- A bug.\n\n## v0.2.0\n### Added\n- SDK.\n\n"
                + "[1.0.0-beta.2]: https://example.com/compare\n");

        assertThat(ReleaseNotes.fromChangelog(changelog, "1.0.0b2")).isEqualTo("### Fixed\n- A bug.");
        assertThat(ReleaseNotes.fromChangelog(changelog, "0.2.0"))
                .as("without the file's closing link definitions").isEqualTo("### Added\n- SDK.");
        assertThatThrownBy(() -> ReleaseNotes.fromChangelog(changelog, "0.3.0"))
                .isInstanceOf(ReleaseException.class).hasMessageContaining("has no section for 0.3.0");
        assertThat(ReleaseNotes.fromChangelog(Path.of("resources/sample-sdk/CHANGELOG.md"), "0.2.0"))
                .as("the bundled sample's changelog")
                .isEqualTo("### Added\n- New feature X\n- Improved performance for Y\n\n### Fixed\n- Bug fix for Z");
        Path empty = Files.writeString(dir.resolve("EMPTY.md"), "## [0.3.0] - 2024-01-01\n\n## [0.2.0]\n- x\n");
        assertThatThrownBy(() -> ReleaseNotes.fromChangelog(empty, "0.3.0"))
                .hasMessageContaining("The section for 0.3.0 in " + empty + " is empty");
    }

    @Test
    void repositoriesEndpointsContentTypesAndPrereleases() {
        assertThat(GitHubRepo.parse("https://github.com/logflux/logflux-python.git"))
                .isEqualTo(new GitHubRepo("logflux", "logflux-python"));
        assertThatThrownBy(() -> GitHubRepo.parse("logflux")).hasMessageStartingWith("'logflux' is not a GitHub "
                + "repository: write it as owner/name");
        assertThat(GitHubEndpoint.at("https://ghe.example.com/api/v3").apiUrl())
                .isEqualTo(URI.create("https://ghe.example.com/api/v3/"));
        assertThat(GitHubEndpoint.at(null).accept()).isEqualTo("application/vnd.github+json");
        assertThat(AssetContentType.of("logflux-0.2.0-py3-none-any.whl")).isEqualTo("application/zip");
        assertThat(AssetContentType.of("logflux-0.2.0.tar.gz")).isEqualTo("application/gzip");
        assertThat(AssetContentType.of("SHA256SUMS")).isEqualTo("text/plain");
        assertThat(GitHubReleaser.isPrerelease("1.0.0rc1")).isTrue();
        assertThat(GitHubReleaser.isPrerelease("1.0.0.dev3")).isTrue();
        assertThat(GitHubReleaser.isPrerelease("1.0.0.post1")).isFalse();
        assertThat(GitHubApi.nextPage("<https://api.github.com/x?page=2>; rel=\"next\", "
                + "<https://api.github.com/x?page=5>; rel=\"last\"")).contains("https://api.github.com/x?page=2");
        assertThat(GitHubTokenInspector.expiry("2021-09-03 02:34:04 UTC"))
                .contains(java.time.Instant.parse("2021-09-03T02:34:04Z"));
        assertThat(GitHubTokenInspector.expiry("2023-04-26 20:23:26 +0200"))
                .contains(java.time.Instant.parse("2023-04-26T18:23:26Z"));
        assertThat(GitHubTokenInspector.expiry("next week")).isEmpty();
        assertThat(GitHubTokenInspector.kindOf("github_pat_11AB")).isEqualTo("fine-grained personal access token");
        assertThat(new GitHubToken("ghp_secret", "environment variable GITHUB_TOKEN").toString())
                .doesNotContain("ghp_secret");
    }

    @Test
    void checksumsAreWhatSha256sumChecks() throws Exception {
        Path a = Files.writeString(dir.resolve("b.txt"), "Hello, world!\n");
        Path b = Files.writeString(dir.resolve("a.txt"), "");
        Path sums = ChecksumsFile.write(List.of(FileSnapshot.of(a), FileSnapshot.of(b)), dir).path();

        assertThat(Files.readString(sums)).isEqualTo(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.txt\n"
                        + "d9014c4624844aa5bac314773d6b689ad467fa4e1d1a50a1b8a99d5a95f72ff5  b.txt\n");
        assertThat(new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(dir.toFile()).start().waitFor())
                .isZero();
    }

    @Test
    void checksumsComeFromTheSnapshotsDigestsNotFromReadingTheFilesAgain() throws Exception {
        Path wheel = Files.writeString(dir.resolve("logflux-0.2.0-py3-none-any.whl"), "bytes");
        FileSnapshot snapshot = new FileSnapshot(wheel, new FileDigests("ab".repeat(32), 5),
                Files.getLastModifiedTime(wheel));

        assertThat(ChecksumsFile.content(List.of(snapshot)))
                .isEqualTo("ab".repeat(32) + "  logflux-0.2.0-py3-none-any.whl\n");
    }

    @Test
    void aTokenGitHubDoesNotTakeIsTheTokenReasonAndOtherRefusalsAreGitHubs() {
        GitHubApi api = new GitHubApi(null, GitHubRepo.parse("logflux/logflux-python"), "credentials 'github-token'");

        GitHubException badToken = api.failure(new GitHubReply(401, "{\"message\":\"Bad credentials\"}",
                Map.of()), "create the release");
        GitHubException forbidden = api.failure(new GitHubReply(403, "{\"message\":\"Resource not accessible\"}",
                Map.of()), "create the release");

        assertThat(badToken.reason()).isEqualTo("token");
        assertThat(badToken).hasMessageContaining("is not valid (expired or revoked)");
        assertThat(forbidden.reason()).isEqualTo("github");
    }
}
