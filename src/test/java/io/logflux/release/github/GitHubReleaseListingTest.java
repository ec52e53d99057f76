package io.logflux.release.github;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.testing.FakeTokens;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The release listing at scale, on {@link GitHubReleaseDouble} (answers checked against GitHub's API description):
 * pages of 100, followed through the Link header to the last, so a draft listed late is found.
 */
class GitHubReleaseListingTest {
    private final List<String> log = new ArrayList<>();
    private GitHubReleaseDouble github;
    private Path hello;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        github = new GitHubReleaseDouble();
        hello = Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n");
    }

    @AfterEach
    void stop() {
        assertThat(github.descriptionProblems()).as("the double answers as GitHub's API description says").isEmpty();
        github.close();
    }

    private GitHubApi api() {
        GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(github.apiUrl()), new GitHubToken(FakeTokens.github(),
                "credentials 'github-token'"), HttpSettings.defaults(), d -> { }, System::currentTimeMillis,
                Duration.ZERO, log::add);
        return new GitHubApi(http, GitHubRepo.parse(GitHubReleaseDouble.REPO), "credentials 'github-token'");
    }

    @Test
    void theDraftOfTheTagListedPastTheOldTwentyPagesOfThirtyIsFoundAndNoSecondDraftIsCreated() {
        long draft = github.addDraftOfTheTag();
        github.addOtherReleases(650, "v0.1.0.dev");

        GitHubReleaseReport report = new GitHubReleaser(api(), HttpSettings.defaults(), d -> { }, log::add)
                .release(new GitHubReleaseRequest(GitHubRepo.parse(GitHubReleaseDouble.REPO), GitHubReleaseDouble.TAG,
                        "0.2.0", "logflux v0.2.0", () -> "notes", Optional.empty(), false, false, false,
                        List.of(hello)), dir);

        assertThat(report.created()).as("a second draft").isFalse();
        assertThat(report.releaseId()).isEqualTo(draft);
        assertThat(github.releases()).hasSize(651);
        assertThat(github.listRequests()).first().isEqualTo("per_page=100");
        assertThat(github.listRequests()).hasSize(7).last().isEqualTo("per_page=100&page=7");
    }

    @Test
    void theTagsOfEveryPageAreListedForYankAndTheAudit() {
        github.addOtherReleases(250, "v0.1.0.dev");

        try (GitHubReleases releases = new GitHubReleases(api())) {
            assertThat(releases.releaseTags()).hasSize(250).contains("v0.1.0.dev1", "v0.1.0.dev250");
        }
        assertThat(github.listRequests()).containsExactly("per_page=100", "per_page=100&page=2",
                "per_page=100&page=3");
    }

    @Test
    void aListingWhoseLinkHeaderNeverEndsFailsLoudlyAtTheBoundInsteadOfBeingCut() throws IOException {
        try (MockWebServer endless = new MockWebServer()) {
            endless.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .addHeader("Link", "<" + endless.url("/repos/o/r/releases?per_page=100&page=2")
                                    + ">; rel=\"next\"").body("[]").build();
                }
            });
            endless.start();
            GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(endless.url("/").toString()),
                    new GitHubToken(FakeTokens.github(), "credentials 'github-token'"), HttpSettings.defaults(),
                    d -> { }, System::currentTimeMillis, Duration.ZERO, log::add);
            GitHubApi api = new GitHubApi(http, GitHubRepo.parse("o/r"), "credentials 'github-token'", 5);

            assertThatThrownBy(api::releases).isInstanceOf(GitHubException.class)
                    .hasMessageStartingWith("Could not list the releases in o/r: GitHub's pages go on past 5 (0 items so far)")
                    .hasMessageContaining("nothing was changed");
            assertThat(endless.getRequestCount()).isEqualTo(5);
            api.close();
        }
    }
}
