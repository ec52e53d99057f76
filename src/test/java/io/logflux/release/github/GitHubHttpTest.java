package io.logflux.release.github;

import io.logflux.release.http.HttpSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Headers, write spacing and retries of the HTTP layer, on OkHttp's MockWebServer. */
class GitHubHttpTest {
    @Test
    void sendsGithubsHeadersSpacesWritesBySecondAndRetriesWhatIsSafe() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(204).build());
            server.enqueue(new MockResponse.Builder().code(502).build());
            server.enqueue(new MockResponse.Builder().code(204).build());
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
            server.start();
            AtomicLong now = new AtomicLong(1_000_000);
            List<Duration> sleeps = new ArrayList<>();
            GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(server.url("/api/v3/").toString()),
                    new GitHubToken("ghp_test", "environment variable GITHUB_TOKEN"), GitHubFixtures.fastSettings()
                    .withAttempts(2), d -> {
                        sleeps.add(d);
                        now.addAndGet(d.toMillis());
                    }, now::get, Duration.ofSeconds(1), line -> { });
            URI asset = http.endpoint().resolve("repos/o/r/releases/assets/1");

            GitHubReply first = http.call("DELETE", asset, null, true);
            GitHubReply second = http.call("DELETE", asset, null, true);
            GitHubReply limited = http.call("POST", asset, null, false);

            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(request.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer ghp_test");
            assertThat(request.getHeaders().get("User-Agent")).isEqualTo("logflux-release");
            assertThat(request.getTarget()).isEqualTo("/api/v3/repos/o/r/releases/assets/1");
            assertThat(first.status()).isEqualTo(204);
            assertThat(second.status()).as("the 502 was retried").isEqualTo(204);
            assertThat(limited.status()).as("a request that is not safe to repeat is sent once and its rate limit "
                    + "handed to the caller").isEqualTo(429);
            assertThat(http.rateLimitWait(limited)).contains(Duration.ofSeconds(7));
            assertThat(sleeps).as("a second between writes, a backoff before the retry").hasSize(4);
            assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(1));
            assertThat(server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesOfASafeRequestSaysWhenGitHubAllowsRequestsAgain() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
            server.start();
            List<Duration> sleeps = new ArrayList<>();
            GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(server.url("/api/v3/").toString()),
                    new GitHubToken("ghp_test", "environment variable GITHUB_TOKEN"), HttpSettings.defaults()
                    .withAttempts(2), sleeps::add, System::currentTimeMillis, Duration.ZERO, line -> { });

            Throwable limited = org.assertj.core.api.Assertions.catchThrowable(() -> http.call("GET",
                    http.endpoint().resolve("repos/o/r/releases"), null, true));

            assertThat(limited).isInstanceOf(GitHubUnreachableException.class)
                    .hasMessageStartingWith("GitHub's rate limit stopped GET /api/v3/repos/o/r/releases (429")
                    .hasMessageContaining("it allows requests again in 7 s");
            assertThat(sleeps).as("waited what Retry-After asked before the second attempt")
                    .containsExactly(Duration.ofSeconds(7));
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void theDownloadThatComparesADigestlessAssetIsRetriedAndReadFromTheStart() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(503).body("{\"message\":\"Service Unavailable\"}").build());
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                    .body("Hello, world!\n").build());
            server.start();
            List<Duration> sleeps = new ArrayList<>();
            List<String> log = new ArrayList<>();
            GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(server.url("/api/v3/").toString()),
                    new GitHubToken("ghp_test", "environment variable GITHUB_TOKEN"), GitHubFixtures.fastSettings(),
                    sleeps::add, System::currentTimeMillis, Duration.ZERO, log::add);
            GitHubApi api = new GitHubApi(http, GitHubRepo.parse("o/r"), "environment variable GITHUB_TOKEN");

            String sha256 = api.downloadSha256(1);

            assertThat(sha256).isEqualTo("d9014c4624844aa5bac314773d6b689ad467fa4e1d1a50a1b8a99d5a95f72ff5");
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(sleeps).hasSize(1);
            assertThat(log).singleElement().asString()
                    .startsWith("GitHub: downloading /api/v3/repos/o/r/releases/assets/1 failed (HTTP 503)");
            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().get("Accept")).isEqualTo("application/octet-stream");
            assertThat(GitHubApiDescription.load().operation("get", "/repos/o/r/releases/assets/1"))
                    .as("the download is GitHub's described get-release-asset")
                    .hasValueSatisfying(op -> assertThat(op.path("operationId").asText())
                            .isEqualTo("repos/get-release-asset"));
            api.close();
        }
    }
}
