package io.logflux.release.jenkins;

import hudson.model.TaskListener;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** logfluxPublish against an index and a GitHub that echo the Authorization header: the build log shows none of it. */
class EchoedTokensCallableTest {
    private final MockWebServer echo = new MockWebServer();
    private final ByteArrayOutputStream buildLog = new ByteArrayOutputStream();
    private final String pypi = FakeTokens.pypi();
    private final String github = FakeTokens.github();
    private int status;

    final class CollectingListener implements TaskListener {
        private final transient PrintStream logger = new PrintStream(buildLog, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    @BeforeEach
    void start() throws IOException {
        echo.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String header = String.valueOf(request.getHeaders().get("Authorization"));
                String decoded = header.startsWith("Basic ") ? new String(Base64.getDecoder().decode(
                        header.substring(6)), StandardCharsets.UTF_8) : header;
                return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                        .body("{\"message\": \"echo " + header + " " + decoded + "\"}").build();
            }
        });
        echo.start();
    }

    @AfterEach
    void stop() {
        echo.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 500})
    void theIndexEchoesTheToken(int code) {
        status = code;
        PublishRequest request = PublishRequest.builder().index(echo.url("/legacy/").toString(), null, null)
                .waitUntilServed(false, (String) null).attempts(1).build();

        assertNothingShown(new PublishCallable(request, "dist/*", new CollectingListener())
                .toIndex(IndexCredentials.token(pypi, "credentials 'pypi-token'")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void gitHubEchoesTheToken(int code) {
        status = code;
        PublishRequest request = PublishRequest.builder().index("none", null, null).build();

        assertNothingShown(new PublishCallable(request, "dist/*", new CollectingListener())
                .toGitHub(new GitHubReleaseParameters("github-token", "logflux/logflux-python", "v0.2.0", null, null,
                        "notes", false, false, true, echo.url("/api/v3/").toString(), null),
                        new GitHubToken(github, "credentials 'github-token'")));
    }

    private void assertNothingShown(PublishCallable callable) {
        PublishOutcome outcome = callable.invoke(SampleBuild.shared().dir().toFile(), null);

        String log = buildLog.toString(StandardCharsets.UTF_8);
        Captured.record(getClass().getSimpleName(), log + "\n" + outcome.failure());
        assertThat(outcome.ok()).isFalse();
        assertThat(echo.getRequestCount()).isPositive();
        for (String token : new String[] {pypi, github}) {
            assertThat(log).doesNotContain(token);
            assertThat(outcome.failure()).doesNotContain(token);
            assertThat(outcome.result().toString()).doesNotContain(token);
        }
    }
}
