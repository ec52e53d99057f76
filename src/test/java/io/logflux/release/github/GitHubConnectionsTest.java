package io.logflux.release.github;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How the GitHub client treats connections the server ends: a request that is safe to repeat and died on a kept
 * connection before any answer is sent again at once on a new one; a request sent once hands the failure back, and
 * the releaser looks at GitHub before sending it again; HTTP/1.0 answers' connections are not pooled. The server
 * records on which connection each request came.
 */
class GitHubConnectionsTest {
    private MockWebServer server;
    private GitHubHttp http;
    private final List<String> log = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        http = new GitHubHttp(GitHubEndpoint.at(server.url("/api/v3/").toString()),
                new GitHubToken("ghp_connections", "credentials 'github-token'"), GitHubFixtures.fastSettings(),
                sleeps::add, System::currentTimeMillis, Duration.ZERO, log::add);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private URI releases() {
        return http.endpoint().resolve("repos/o/r/releases");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** An answer after which the server closes the connection without saying so. */
    private static MockResponse thenClosed(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void aReadOnAConnectionTheServerClosedIsSentAgainAtOnceOnANewOne() throws Exception {
        server.enqueue(thenClosed(200, "[]"));
        server.enqueue(json(200, "[{\"id\":1}]"));

        http.call("GET", releases(), null, true);
        GitHubReply second = http.call("GET", releases(), null, true);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).hasSize(1);
        assertThat(sleeps).as("no backoff: the request never reached the server").isEmpty();
        assertThat(server.getRequestCount()).as("the dead connection never delivered the request").isEqualTo(2);
        server.takeRequest();
        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(1);
    }

    @Test
    void aRequestSentOnceOnAClosedConnectionIsHandedBackThenSentOnANewOne() throws Exception {
        server.enqueue(thenClosed(200, "[]"));
        server.enqueue(json(201, "{\"id\":1}"));

        http.call("GET", releases(), null, true);
        GitHubUnreachableException stale = catchThrowableOfType(GitHubUnreachableException.class,
                () -> http.once("POST", releases(), null, false));

        assertThat(stale.staleConnection()).isTrue();
        assertThat(stale).hasMessageStartingWith("GitHub did not answer POST " + releases()
                + " (StaleConnectionException: the server had closed the kept-alive connection");
        assertThat(server.getRequestCount()).as("only the read reached the server").isEqualTo(1);

        GitHubReply created = http.once("POST", releases(), null, true);

        assertThat(created.status()).isEqualTo(201);
        server.takeRequest();
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getConnectionIndex()).isEqualTo(1);
    }

    @Test
    void anHttp10AnswersConnectionIsNotUsedAgain() throws Exception {
        server.enqueue(new MockResponse.Builder().status("HTTP/1.0 200 OK").body("[]").build());
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, "[]"));

        http.call("GET", releases(), null, true);
        http.call("GET", releases(), null, true);
        http.call("GET", releases(), null, true);

        assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(0);
        assertThat(server.takeRequest().getConnectionIndex()).as("a new connection").isEqualTo(1);
        assertThat(server.takeRequest().getConnectionIndex()).as("an HTTP/1.1 one is kept").isEqualTo(1);
    }

    @Test
    void aReleaseWhoseCreateDiedOnAClosedConnectionIsLookedForThenCreatedOnce() throws Exception {
        Path hello = Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n");
        String sha = "d9014c4624844aa5bac314773d6b689ad467fa4e1d1a50a1b8a99d5a95f72ff5";
        String asset = "{\"id\":10,\"name\":\"hello.txt\",\"size\":14,\"state\":\"uploaded\",\"digest\":\"sha256:"
                + sha + "\",\"browser_download_url\":\"https://example/hello.txt\"}";
        String release = "{\"id\":1,\"tag_name\":\"v0.2.0\",\"draft\":true,\"html_url\":\"https://example/r\","
                + "\"upload_url\":\"" + server.url("/uploads/repos/o/r/releases/1/assets") + "{?name,label}\"}";
        server.enqueue(json(200, "{\"ref\":\"refs/tags/v0.2.0\",\"object\":{\"type\":\"commit\",\"sha\":\"abc\"}}"));
        server.enqueue(json(404, "{\"message\":\"Not Found\"}"));
        server.enqueue(thenClosed(200, "[]"));
        server.enqueue(json(404, "{\"message\":\"Not Found\"}"));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(201, release));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(201, asset));
        server.enqueue(json(200, "[" + asset + "]"));
        server.enqueue(json(200, release.replace("\"draft\":true", "\"draft\":false")));
        GitHubReleaser releaser = new GitHubReleaser(new GitHubApi(http, GitHubRepo.parse("o/r"),
                "credentials 'github-token'"), GitHubFixtures.fastSettings(), sleeps::add, log::add);

        GitHubReleaseReport report = releaser.release(new GitHubReleaseRequest(GitHubRepo.parse("o/r"), "v0.2.0",
                "0.2.0", "o v0.2.0", () -> "notes", Optional.empty(), false, false, false, List.of(hello)), dir);

        assertThat(report.created()).isTrue();
        assertThat(report.draft()).isFalse();
        assertThat(log).anyMatch(l -> l.startsWith("GitHub: creating the release failed (the server had closed the "
                + "kept-alive connection") && l.endsWith("looking for it, then sending it again on a new connection."));
        assertThat(sleeps).as("sent again at once").isEmpty();
        List<RecordedRequest> creates = new ArrayList<>();
        for (int i = 0; i < server.getRequestCount(); i++) {
            RecordedRequest request = server.takeRequest();
            if (request.getMethod().equals("POST") && request.getTarget().endsWith("/repos/o/r/releases")) {
                creates.add(request);
            }
        }
        assertThat(creates).as("created once, on a new connection").singleElement()
                .satisfies(r -> assertThat(r.getConnectionIndex()).isGreaterThan(0));
    }
}
