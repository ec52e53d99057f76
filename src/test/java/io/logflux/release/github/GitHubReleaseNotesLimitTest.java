package io.logflux.release.github;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Release notes longer than GitHub's 125,000 characters are cut with a link to the changelog. */
class GitHubReleaseNotesLimitTest {
    @TempDir
    Path dir;

    @Test
    void notesPastTheLimitAreCutAtALineWithALinkToTheChangelogAtTheTag() throws Exception {
        StringBuilder long_ = new StringBuilder();
        for (int i = 0; long_.length() < 130_000; i++) {
            long_.append("- change number ").append(i).append('\n');
        }
        String notes = long_.toString().strip();
        List<String> log = new ArrayList<>();
        try (GitHubReleaseDouble github = new GitHubReleaseDouble()) {
            GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(github.apiUrl()), new GitHubToken(FakeTokens.github(),
                    "credentials 'github-token'"), HttpSettings.defaults(), d -> { }, System::currentTimeMillis,
                    Duration.ZERO, log::add);
            GitHubReleaser releaser = new GitHubReleaser(new GitHubApi(http, GitHubRepo.parse(GitHubReleaseDouble.REPO),
                    "credentials 'github-token'"), HttpSettings.defaults(), d -> { }, log::add);
            releaser.release(new GitHubReleaseRequest(GitHubRepo.parse(GitHubReleaseDouble.REPO),
                    GitHubReleaseDouble.TAG, "0.2.0", "logflux v0.2.0", () -> notes, Optional.empty(), false, false,
                    false, List.of(Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n"))), dir);

            String body = github.releases().get(0).path("body").asText();
            String changelog = github.apiUrl().replace("/api/v3/", "/") + GitHubReleaseDouble.REPO + "/blob/"
                    + GitHubReleaseDouble.TAG + "/CHANGELOG.md";
            assertThat(body.length()).isLessThanOrEqualTo(ReleaseNotes.MAX_BODY).isGreaterThan(120_000);
            String kept = body.substring(0, body.indexOf("\n\n---\n"));
            assertThat(notes).startsWith(kept);
            assertThat(notes.charAt(kept.length())).as("cut at a line break").isEqualTo('\n');
            assertThat(body).endsWith("*These notes are cut: GitHub takes at most 125,000 characters. The full notes: "
                    + "[changelog](" + changelog + ").*");
            assertThat(log).anyMatch(l -> l.startsWith("GitHub: the release notes have " + notes.length()
                    + " characters, more than GitHub takes (125000)"));
            assertThat(github.descriptionProblems()).isEmpty();
        }
    }

    @Test
    void notesThatFitAreUnchangedAndALineWithoutBreaksIsCutAtTheLimitKeepingSurrogatePairsWhole() {
        assertThat(ReleaseNotes.capped("short", "u")).isEqualTo("short");
        String fits = "x".repeat(ReleaseNotes.MAX_BODY);
        assertThat(ReleaseNotes.capped(fits, "u")).isSameAs(fits);

        String oneLine = "\uD83D\uDE00".repeat(ReleaseNotes.MAX_BODY);
        String cut = ReleaseNotes.capped(oneLine, "https://github.com/o/r/blob/v1/CHANGELOG.md");

        assertThat(cut.length()).isLessThanOrEqualTo(ReleaseNotes.MAX_BODY);
        String kept = cut.substring(0, cut.indexOf("\n\n---\n"));
        assertThat(kept.length() % 2).as("no half of a surrogate pair").isZero();
        assertThat(oneLine).startsWith(kept);
    }
}
