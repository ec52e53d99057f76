package io.logflux.release.jenkins;

import hudson.model.TaskListener;
import io.logflux.release.github.FixturesServer;
import io.logflux.release.github.GitHubFixtures;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent-side body of logfluxPublish, run on a plain workspace against the calibrated test index. */
class PublishCallableTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path workspace = SampleBuild.shared().dir();
    TestIndex index;
    String token;
    final ByteArrayOutputStream buildLog = new ByteArrayOutputStream();

    /** A build log as the agent sees it: a TaskListener whose logger collects the lines. */
    final class CollectingListener implements TaskListener {
        private final transient PrintStream logger = new PrintStream(buildLog, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    @BeforeEach
    void useTheIndex() {
        index = server.index();
        token = server.token();
    }

    @AfterEach
    void searchTheLogForTheToken() {
        String log = buildLog.toString(StandardCharsets.UTF_8);
        Captured.record(getClass().getSimpleName(), log);
        assertThat(log).doesNotContain(token);
    }

    private PublishRequest request(boolean verifyInstall) {
        return PublishRequest.builder().index(index.uploadUrl(), null, null).waitUntilServed(true, "1m")
                .install(verifyInstall, DebianPython.executable(), null, null, false).attempts(2).build();
    }

    private PublishOutcome publish(String files, boolean verifyInstall, String secret) {
        return new PublishCallable(request(verifyInstall), files, new CollectingListener())
                .toIndex(IndexCredentials.token(secret, "credentials 'pypi-token'")).invoke(workspace.toFile(), null);
    }

    @Test
    void publishesTheMatchedFilesAndReturnsTheMapPipelinesRead() {
        PublishOutcome outcome = publish("dist/*", true, token);

        assertThat(outcome.ok()).as(outcome.failure()).isTrue();
        Map<String, Object> result = outcome.result();
        assertThat(result).containsEntry("project", "logflux").containsEntry("version", "0.2.0")
                .containsEntry("uploadUrl", index.uploadUrl()).containsEntry("served", true)
                .containsEntry("installedVersion", "0.2.0")
                .containsEntry("uploaded", List.of("logflux-0.2.0-py3-none-any.whl", "logflux-0.2.0.tar.gz"))
                .containsEntry("skipped", List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) result.get("files");
        assertThat(files.get(0)).containsEntry("file", "logflux-0.2.0-py3-none-any.whl")
                .containsEntry("outcome", "uploaded")
                .containsEntry("url", index.baseUrl() + "packages/logflux-0.2.0-py3-none-any.whl");
        assertThat(files.get(0).get("sha256")).isEqualTo(index.files().get(0).sha256());
        assertThat(buildLog.toString(StandardCharsets.UTF_8))
                .contains("with the token from credentials 'pypi-token'")
                .contains("Install check passed: logflux==0.2.0");
    }

    @Test
    void aRefusedTokenFailsWithTheCredentialsIdAndNothingUploaded() {
        String wrong = FakeTokens.pypi();

        PublishOutcome outcome = publish("dist/*", false, wrong);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure()).contains("HTTP 403").contains("Check the token in credentials 'pypi-token'")
                .doesNotContain(wrong);
        assertThat(index.files()).isEmpty();
        Captured.record(getClass().getSimpleName(), outcome.failure());
    }

    @Test
    void withPropagateOffARefusedTokenIsReturnedWithItsReasonForTheJenkinsfileToTell() throws Exception {
        String wrong = FakeTokens.pypi();

        Map<String, Object> returned = publish("dist/*", false, wrong).returned(false);

        assertThat(returned).containsEntry("ok", false).containsEntry("reason", "token");
        assertThat((String) returned.get("message")).contains("Check the token in credentials 'pypi-token'")
                .doesNotContain(wrong);
    }

    @Test
    void aSuccessfulPublicationIsReturnedWithOkWhateverPropagateSays() throws Exception {
        PublishOutcome outcome = publish("dist/*", false, token);

        assertThat(outcome.returned(true)).containsEntry("ok", true).containsEntry("project", "logflux");
        assertThat(outcome.returned(false)).isEqualTo(outcome.returned(true));
    }

    @Test
    void withPropagateOnAFailureFailsTheStep() {
        PublishOutcome outcome = publish("dist/*", false, FakeTokens.pypi());

        // The step fails with hudson.AbortException; the compile-only stand-in's constructor throws instead.
        assertThatThrownBy(() -> outcome.returned(true)).isNotNull();
    }

    @Test
    void aPatternMatchingNothingSaysSo() {
        PublishOutcome outcome = publish("build/*.whl", false, token);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure()).startsWith("No files match 'build/*.whl' in ")
                .contains("Build the package first");
        assertThat(index.requestLog()).isEmpty();
    }

    @Test
    void theOutcomeCrossesTheChannelAndTheCallableNeverShowsTheToken() throws Exception {
        PublishOutcome outcome = publish("dist/*.whl", false, token);
        PublishCallable callable = new PublishCallable(request(false), "dist/*", new CollectingListener())
                .toIndex(IndexCredentials.token(token, "credentials 'pypi-token'"))
                .toGitHub(new GitHubReleaseParameters("github-token", "logflux/logflux-python", "v0.2.0", "{project}",
                        "CHANGELOG.md", null, false, false, true, null, null),
                        new GitHubToken(GitHubFixtures.FIXTURE_TOKEN, "credentials 'github-token'"));

        assertThat(roundTrip(outcome)).isEqualTo(outcome);
        assertThat(callable.toString()).doesNotContain(token).doesNotContain(GitHubFixtures.FIXTURE_TOKEN)
                .contains("credentials 'pypi-token'").contains("credentials 'github-token'");
        assertThat(request(false).toString()).doesNotContain(token);
    }

    @Test
    void repositoryNoneWithGithubReleaseAttachesTheFilesToTheTagsRelease(@TempDir Path ws) throws Exception {
        FixturesServer github = FixturesServer.shared();
        URI base = github.load("logflux-create-publish");
        Files.writeString(ws.resolve("hello.txt"), "Hello, world!\n");
        Files.writeString(ws.resolve("CHANGELOG.md"), "# Changelog\n\n## [0.2.0] - 2024-01-15\n### Added\n"
                + "- First release of the SDK.\n");
        PublishRequest none = PublishRequest.builder().index("none", null, null).build();
        GitHubReleaseParameters release = new GitHubReleaseParameters("github-token", "logflux/logflux-python",
                "v0.2.0", "logflux {tag}", "CHANGELOG.md", null, false, false, true, base.toString(), null);

        PublishOutcome outcome = new PublishCallable(none, "hello.txt", new CollectingListener())
                .toGitHub(release, new GitHubToken(GitHubFixtures.FIXTURE_TOKEN, "credentials 'github-token'"))
                .invoke(ws.toFile(), null);

        assertThat(outcome.ok()).as(outcome.failure()).isTrue();
        assertThat(outcome.result()).doesNotContainKey("uploaded");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) outcome.result().get("githubRelease");
        assertThat(result).containsEntry("repo", "logflux/logflux-python").containsEntry("draft", false)
                .containsEntry("created", true);
        assertThat(buildLog.toString(StandardCharsets.UTF_8)).doesNotContain(GitHubFixtures.FIXTURE_TOKEN)
                .contains("GitHub: published the release of tag v0.2.0");
        github.assertConsumed(base);
    }

    @Test
    void everythingTheCallableCarriesToTheAgentIsSerializable() throws Exception {
        for (Field field : PublishCallable.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                assertThat(Serializable.class.isAssignableFrom(field.getType())).as(field.getName()).isTrue();
            }
        }
        IndexCredentials credentials = roundTrip(IndexCredentials.token(token, "credentials 'pypi-token'"));
        assertThat(roundTrip(request(true))).isEqualTo(request(true));
        assertThat(credentials.source()).isEqualTo("credentials 'pypi-token'");
        assertThat(credentials.secret().redact("sent " + token)).isEqualTo("sent ****");
    }

    @Test
    void jenkinsProxyIsUsedOnlyWhereTheCallableRunsUnserialized() throws Exception {
        OkHttpClient controllerBase = new OkHttpClient();
        PublishCallable onController = new PublishCallable(request(false), "dist/*", null)
                .throughControllerProxy(controllerBase);

        PublishCallable sentToAnAgent = roundTrip(onController);

        assertThat(onController.settings().http().clientBase()).as("FilePath.act in the controller's JVM")
                .isSameAs(controllerBase);
        assertThat(sentToAnAgent.settings().http().clientBase()).as("on an agent: its JVM's proxy properties")
                .isNull();
        assertThat(sentToAnAgent.settings().http()).isEqualTo(request(false).settings().http());
        assertThat(new PublishCallable(request(false), "dist/*", null).settings().http().clientBase()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
