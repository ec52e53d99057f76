package io.logflux.release.jenkins;

import hudson.model.TaskListener;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replayed GitHub that the JenkinsRule tests publish to ({@code githubRelease:}) plays the recording well enough
 * for the engine: the same publication that PublishCallableTest runs against the fixtures server succeeds here, and
 * a request the recording does not have is reported.
 */
class RecordedGitHubTest {
    static final Path SCENARIO = Path.of("src/test/resources/github-fixtures/logflux-create-publish.json");

    @TempDir
    Path workspace;

    private final ByteArrayOutputStream buildLog = new ByteArrayOutputStream();

    private final class CollectingListener implements TaskListener {
        private final transient PrintStream logger = new PrintStream(buildLog, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    @Test
    void theEnginePublishesTheRecordedReleaseAgainstTheReplay() throws Exception {
        Files.writeString(workspace.resolve("hello.txt"), "Hello, world!\n");
        Files.writeString(workspace.resolve("CHANGELOG.md"), "# Changelog\n\n## [0.2.0] - 2024-01-15\n### Added\n"
                + "- First release of the SDK.\n");
        String token = FakeTokens.githubFixture();
        try (RecordedGitHub github = RecordedGitHub.replay(SCENARIO)) {
            GitHubReleaseParameters release = new GitHubReleaseParameters("github-token", "logflux/logflux-python",
                    "v0.2.0", "logflux {tag}", "CHANGELOG.md", null, false, false, true, github.apiUrl(), null);

            PublishOutcome outcome = new PublishCallable(PublishRequest.builder().index("none", null, null).build(),
                    "hello.txt", new CollectingListener())
                    .toGitHub(release, new GitHubToken(token, "credentials 'github-token'"))
                    .invoke(workspace.toFile(), null);

            assertThat(outcome.ok()).as(outcome.failure()).isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) outcome.result().get("githubRelease");
            assertThat(result).containsEntry("created", true);
            github.assertConsumed();
        }
        assertThat(buildLog.toString(StandardCharsets.UTF_8)).doesNotContain(token)
                .contains("GitHub: published the release of tag v0.2.0");
    }

    @Test
    void aRequestOutsideTheRecordingIsReported() throws Exception {
        try (RecordedGitHub github = RecordedGitHub.replay(SCENARIO)) {
            java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(github.apiUrl() + "repos/other/repo"))
                            .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(reply.statusCode()).isEqualTo(500);
            assertThatThrownBy(github::assertConsumed).hasMessageContaining("expected get /repos/logflux/"
                    + "logflux-python/git/ref/tags/v0.2.0, got get /repos/other/repo");
        }
    }
}
