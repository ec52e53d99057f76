package io.logflux.release.github;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the created and published release asks of GitHub, on {@link GitHubReleaseDouble} (requests and answers checked
 * against GitHub's API description): the tag's commit as target_commitish, and make_latest by the latest choice.
 */
class GitHubPublishChoicesTest {
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
        assertThat(github.descriptionProblems()).as("requests and answers as GitHub's API description says").isEmpty();
        github.close();
    }

    private GitHubReleaseReport release(GitHubLatest latest) {
        GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(github.apiUrl()), new GitHubToken(FakeTokens.github(),
                "credentials 'github-token'"), HttpSettings.defaults(), d -> { }, System::currentTimeMillis,
                Duration.ZERO, line -> { });
        return new GitHubReleaser(new GitHubApi(http, GitHubRepo.parse(GitHubReleaseDouble.REPO),
                "credentials 'github-token'"), HttpSettings.defaults(), d -> { }, line -> { })
                .release(new GitHubReleaseRequest(GitHubRepo.parse(GitHubReleaseDouble.REPO), GitHubReleaseDouble.TAG,
                        "0.2.0", "logflux v0.2.0", () -> "notes", Optional.empty(), false, false, false,
                        List.of(hello)).withLatest(latest), dir);
    }

    @Test
    void theReleaseIsCreatedForTheTagsCommitWithoutACommitBeingGiven() {
        release(GitHubLatest.AUTO);

        assertThat(github.releases()).singleElement().satisfies(r -> assertThat(r.path("target_commitish").asText())
                .isEqualTo("0000000000000000000000000000000000000001"));
    }

    @Test
    void aBackportIsNotMadeLatestByAuto() {
        github.addOtherReleases(1, "v1.0.");
        release(GitHubLatest.AUTO);
        assertThat(github.makeLatestSent()).containsExactly("false");
    }

    @Test
    void theUsersTrueWinsOverAHigherVersion() {
        github.addOtherReleases(1, "v1.0.");
        release(GitHubLatest.TRUE);
        assertThat(github.makeLatestSent()).containsExactly("true");
    }

    @Test
    void theHighestFinalVersionIsMadeLatestByAutoWhateverDevReleasesThereAre() {
        github.addOtherReleases(3, "v0.3.0.dev");
        release(GitHubLatest.AUTO);
        assertThat(github.makeLatestSent()).containsExactly("true");
    }
}
