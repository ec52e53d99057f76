package io.logflux.release.github;

import io.logflux.release.http.HttpSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Socket-level faults during GitHub asset uploads, which the fixtures server (it replays HTTP answers) cannot play:
 * a connection cut while the body is sent, and an answer that never comes after the upload landed. OkHttp's
 * MockWebServer plays GitHub; the responses carry only the fields the releaser reads.
 */
class GitHubSocketFaultsTest {
    private static final String HELLO_SHA = "d9014c4624844aa5bac314773d6b689ad467fa4e1d1a50a1b8a99d5a95f72ff5";
    private MockWebServer server;
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private String asset(long id, String name, long size, String sha) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"size\":" + size + ",\"state\":\"uploaded\","
                + "\"digest\":\"sha256:" + sha + "\",\"browser_download_url\":\"https://example/" + name + "\"}";
    }

    private void enqueueStart() {
        server.enqueue(json(200, "{\"ref\":\"refs/tags/v0.2.0\",\"object\":{\"type\":\"commit\",\"sha\":\"abc\"}}"));
        server.enqueue(json(200, "{\"id\":1,\"tag_name\":\"v0.2.0\",\"draft\":false,\"immutable\":false,"
                + "\"html_url\":\"https://example/releases/v0.2.0\",\"upload_url\":\""
                + server.url("/uploads/repos/o/r/releases/1/assets") + "{?name,label}\",\"assets\":[]}"));
    }

    private GitHubReleaseReport release(HttpSettings settings) throws Exception {
        return release(settings, Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n"));
    }

    private GitHubReleaseReport release(HttpSettings settings, Path asset) throws Exception {
        GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(server.url("/api/v3/").toString()),
                new GitHubToken("ghp_socket_faults", "credentials 'github-token'"), settings, d -> { },
                System::currentTimeMillis, Duration.ZERO, log::add);
        GitHubReleaser releaser = new GitHubReleaser(new GitHubApi(http, GitHubRepo.parse("o/r"),
                "credentials 'github-token'"), settings, d -> { }, log::add);
        return releaser.release(new GitHubReleaseRequest(GitHubRepo.parse("o/r"), "v0.2.0", "0.2.0", "o v0.2.0",
                () -> "notes", Optional.empty(), false, false, true, List.of(asset)), dir);
    }

    private long uploadsOf(String name, int requests) throws InterruptedException {
        long count = 0;
        for (int i = 0; i < requests; i++) {
            RecordedRequest request = server.takeRequest();
            if (request.getMethod().equals("POST") && request.getTarget().contains("name=" + name)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aConnectionCutDuringTheBodyIsLookedForThenSentAgainOnce() throws Exception {
        enqueueStart();
        server.enqueue(json(200, "[]"));
        server.enqueue(new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, "[]"));
        server.enqueue(json(201, asset(10, "hello.txt", 14, HELLO_SHA)));
        server.enqueue(json(200, "[" + asset(10, "hello.txt", 14, HELLO_SHA) + "]"));
        String sums = HELLO_SHA + "  hello.txt\n";
        String sumsSha = io.logflux.release.publish.FileDigests.of(Files.writeString(dir.resolve("x"), sums)).sha256();
        server.enqueue(json(201, asset(11, "SHA256SUMS", sums.length(), sumsSha)));
        server.enqueue(json(200, "[" + asset(10, "hello.txt", 14, HELLO_SHA) + ","
                + asset(11, "SHA256SUMS", sums.length(), sumsSha) + "]"));

        GitHubReleaseReport report = release(GitHubFixtures.fastSettings());

        assertThat(report.assets()).extracting(ReleasedAsset::outcome).containsOnly(ReleasedAsset.Outcome.UPLOADED);
        assertThat(log).anyMatch(l -> l.startsWith("GitHub: uploading hello.txt failed ("));
        assertThat(server.getRequestCount()).isEqualTo(9);
        assertThat(uploadsOf("hello.txt", 9)).isEqualTo(2);
    }

    @Test
    void anAssetGitHubStopsReadingIsGivenUpAfterTheIdleTimeoutThenLookedForAndSentAgainOnce() throws Exception {
        // Larger than what the loopback socket buffers hold, so that the client's writes block once the server stalls.
        byte[] bytes = new byte[24 << 20];
        new java.util.Random(18).nextBytes(bytes);
        Path big = Files.write(dir.resolve("big.bin"), bytes);
        String bigSha = io.logflux.release.publish.FileDigests.of(big).sha256();
        enqueueStart();
        server.enqueue(json(200, "[]"));
        // The server reads nothing of the upload's body: only the client's idle timeout can end it. MockWebServer
        // reads a body as the next queued answer says (it peeks) and takes that answer only once a request was read:
        // the stalled upload is never read, so this answer, the empty asset list, goes to the look that follows.
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("[]")
                .onRequestBody(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(json(201, asset(10, "big.bin", bytes.length, bigSha)));
        server.enqueue(json(200, "[" + asset(10, "big.bin", bytes.length, bigSha) + "]"));
        String sums = bigSha + "  big.bin\n";
        String sumsSha = io.logflux.release.publish.FileDigests.of(Files.writeString(dir.resolve("x"), sums)).sha256();
        server.enqueue(json(201, asset(11, "SHA256SUMS", sums.length(), sumsSha)));
        server.enqueue(json(200, "[" + asset(10, "big.bin", bytes.length, bigSha) + ","
                + asset(11, "SHA256SUMS", sums.length(), sumsSha) + "]"));

        GitHubReleaseReport report = release(GitHubFixtures.fastSettings().withTimeouts(Duration.ofSeconds(5),
                Duration.ofMillis(500), Duration.ofMinutes(5)), big);

        assertThat(report.assets()).extracting(ReleasedAsset::outcome).containsOnly(ReleasedAsset.Outcome.UPLOADED);
        assertThat(log).anyMatch(l -> l.startsWith("GitHub: uploading big.bin failed (")
                && l.contains("nothing could be sent for 500 ms (the idle timeout): the server stopped reading"));
        // MockWebServer records a request once it has read it: the stalled upload never is, the one sent again is.
        assertThat(uploadsOf("big.bin", server.getRequestCount())).isEqualTo(1);
    }

    @Test
    void anAnswerThatNeverComesAfterTheUploadLandedIsNotSentAgain() throws Exception {
        enqueueStart();
        server.enqueue(json(200, "[]"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(json(200, "[" + asset(10, "hello.txt", 14, HELLO_SHA) + "]"));
        server.enqueue(json(200, "[" + asset(10, "hello.txt", 14, HELLO_SHA) + "]"));
        String sums = HELLO_SHA + "  hello.txt\n";
        String sumsSha = io.logflux.release.publish.FileDigests.of(Files.writeString(dir.resolve("x"), sums)).sha256();
        server.enqueue(json(201, asset(11, "SHA256SUMS", sums.length(), sumsSha)));
        server.enqueue(json(200, "[" + asset(10, "hello.txt", 14, HELLO_SHA) + ","
                + asset(11, "SHA256SUMS", sums.length(), sumsSha) + "]"));

        GitHubReleaseReport report = release(GitHubFixtures.fastSettings().withTimeouts(Duration.ofSeconds(5),
                Duration.ofMillis(500), Duration.ofSeconds(10)));

        assertThat(report.assets()).extracting(ReleasedAsset::outcome).containsOnly(ReleasedAsset.Outcome.UPLOADED);
        assertThat(log).contains("GitHub: hello.txt did arrive (only the answer was lost); not uploading it again.");
        assertThat(uploadsOf("hello.txt", server.getRequestCount())).isEqualTo(1);
    }
}
