package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.PlainHttpPort;
import io.logflux.release.github.GitHubReleaseDouble.UploadFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fault matrix of attaching files to a GitHub release (docs/reliability.md): every fault on the upload of an asset
 * ends in a published release holding each file exactly once, or in a clear error and a draft a re-run finishes.
 * GitHub is {@link GitHubReleaseDouble}, whose answers are checked against GitHub's API description in every test.
 */
class GitHubFaultMatrixTest {
    private static final String HELLO = "Hello, world!\n";
    private static final String HELLO_SHA = "d9014c4624844aa5bac314773d6b689ad467fa4e1d1a50a1b8a99d5a95f72ff5";

    private static final String TOKEN = FakeTokens.github();

    private GitHubReleaseDouble github;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private Path hello;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        github = new GitHubReleaseDouble();
        hello = Files.writeString(dir.resolve("hello.txt"), HELLO);
    }

    @AfterEach
    void stop() {
        Captured.record(getClass().getSimpleName(), String.join("\n", log));
        assertThat(github.descriptionProblems()).as("the double answers as GitHub's API description says").isEmpty();
        github.close();
    }

    private static HttpSettings settings() {
        return HttpSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(700),
                Duration.ofSeconds(20));
    }

    private GitHubReleaser releaser(String apiUrl, HttpSettings settings, Sleeper sleeper) {
        GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(apiUrl), new GitHubToken(TOKEN,
                "credentials 'github-token'"), settings, sleeper, System::currentTimeMillis, Duration.ZERO, log::add);
        return new GitHubReleaser(new GitHubApi(http, GitHubRepo.parse(GitHubReleaseDouble.REPO),
                "credentials 'github-token'"), settings, sleeper, log::add);
    }

    private Sleeper recordingSleeper() {
        return waits::add;
    }

    private GitHubReleaseReport release(GitHubReleaser releaser) {
        return releaser.release(new GitHubReleaseRequest(GitHubRepo.parse(GitHubReleaseDouble.REPO),
                GitHubReleaseDouble.TAG, "0.2.0", "logflux v0.2.0", () -> "notes", Optional.empty(), false, false,
                true, List.of(hello)), dir);
    }

    private void assertPublishedWithEachFileOnce() {
        assertThat(github.releases()).singleElement().satisfies(r -> assertThat(r.path("draft").asBoolean())
                .as("published").isFalse());
        long id = github.releases().get(0).path("id").asLong();
        assertThat(github.assetsOf(id)).extracting(a -> a.path("name").asText())
                .containsExactlyInAnyOrder("hello.txt", "SHA256SUMS");
        assertThat(github.assetsOf(id)).filteredOn(a -> a.path("name").asText().equals("hello.txt"))
                .singleElement().satisfies(a -> {
                    assertThat(a.path("digest").asText()).isEqualTo("sha256:" + HELLO_SHA);
                    assertThat(a.path("state").asText()).isEqualTo("uploaded");
                });
        assertThat(github.stored("hello.txt")).as("complete uploads stored").isEqualTo(1);
    }

    private void assertDraftWithoutHello() {
        assertThat(github.releases()).singleElement().satisfies(r -> assertThat(r.path("draft").asBoolean())
                .as("left a draft").isTrue());
        long id = github.releases().get(0).path("id").asLong();
        assertThat(github.assetsOf(id)).noneMatch(a -> a.path("name").asText().equals("hello.txt"));
    }

    @ParameterizedTest
    @EnumSource(UploadFault.class)
    void everyFaultOnAnAssetUploadEndsWithOnePublishedCopy(UploadFault fault) {
        github.failNextUpload(fault);

        GitHubReleaseReport report = release(releaser(github.apiUrl(), settings(), recordingSleeper()));

        assertThat(report.draft()).isFalse();
        assertPublishedWithEachFileOnce();
        assertThat(github.validatedAnswers()).as("answers checked against GitHub's description").isGreaterThan(8);
        boolean landed = fault == UploadFault.LAND_THEN_DROP_RESPONSE || fault == UploadFault.LAND_THEN_STALL;
        String cut = fault == UploadFault.RESET_BEFORE_BODY ? GitHubReleaseDouble.CUT_UNREAD : "hello.txt";
        assertThat(github.uploadAttempts()).as("sent again only when it did not land")
                .isEqualTo(landed ? List.of("hello.txt", "SHA256SUMS") : List.of(cut, "hello.txt", "SHA256SUMS"));
        if (landed) {
            assertThat(log).contains("GitHub: hello.txt did arrive (only the answer was lost); not uploading it again.");
        }
        if (fault == UploadFault.STATUS_502_LEAVING_AN_UNFINISHED_ASSET) {
            assertThat(log).contains("GitHub: removing the unfinished asset hello.txt (state open) before retrying.");
        }
        if (fault == UploadFault.ALREADY_EXISTS_BUT_UNLISTED) {
            assertThat(log).contains("GitHub: answered that hello.txt already exists, but the release does not list "
                    + "it; uploading it once more.");
        }
        if (fault == UploadFault.TOO_MANY_REQUESTS) {
            assertThat(waits).as("waited what Retry-After asked").anyMatch(d -> d.compareTo(Duration.ofSeconds(3)) >= 0);
        }
        if (fault == UploadFault.TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER) {
            assertThat(waits).as("a secondary rate limit without Retry-After: at least a minute, GitHub's advice")
                    .anyMatch(d -> d.compareTo(Duration.ofMinutes(1)) >= 0);
        }
    }

    @Test
    void anUnlistedAlreadyExistsTwiceStopsTheRunAndLeavesTheDraft() {
        github.alwaysAnswerAlreadyExists();

        Throwable failure = failureOf(() -> release(releaser(github.apiUrl(), settings(), recordingSleeper())));

        assertThat(failure).isInstanceOf(GitHubException.class)
                .hasMessageStartingWith("GitHub refused to upload hello.txt (the release does not list an asset of "
                        + "that name, also after a second try) in " + GitHubReleaseDouble.REPO + ": HTTP 422")
                .hasMessageContaining("already_exists");
        assertThat(github.uploadRequests("hello.txt")).isEqualTo(2);
        assertDraftWithoutHello();
    }

    @Test
    void aRateLimitOnCreatingTheReleaseIsWaitedOutAndTheReleaseCreatedOnce() {
        github.rateLimitNextCreate();

        release(releaser(github.apiUrl(), settings(), recordingSleeper()));

        assertPublishedWithEachFileOnce();
        assertThat(waits).as("waited what Retry-After asked").anyMatch(d -> d.compareTo(Duration.ofSeconds(2)) >= 0);
        assertThat(log).anyMatch(l -> l.startsWith("GitHub: creating the release failed (HTTP 429, rate limited)"));
    }

    @Test
    void anApiThatRefusesConnectionsIsUnreachableAndNothingIsCreated() throws IOException {
        int closed = closedPort();

        Throwable failure = failureOf(() -> release(releaser("http://127.0.0.1:" + closed + "/api/v3/",
                settings().withAttempts(2), recordingSleeper())));

        assertThat(failure).isInstanceOf(GitHubUnreachableException.class)
                .hasMessageStartingWith("GitHub did not answer GET http://127.0.0.1:" + closed)
                .hasMessageContaining("ConnectException").hasMessageContaining("after 2 attempts")
                .hasMessageContaining("run again");
    }

    @Test
    void anUploadsHostThatRefusesConnectionsLeavesADraftThatTheRerunFinishes() throws IOException {
        github.uploadsAt("http://127.0.0.1:" + closedPort() + "/");

        Throwable failure = failureOf(() -> release(releaser(github.apiUrl(), settings().withAttempts(2),
                recordingSleeper())));
        assertThat(failure).isInstanceOf(GitHubUnreachableException.class)
                .hasMessageStartingWith("Uploading hello.txt to the GitHub release of tag v0.2.0 of "
                        + GitHubReleaseDouble.REPO + " failed 2 times (last: GitHub did not answer POST")
                .hasMessageContaining("The release stays a draft with the assets uploaded so far; run again");
        assertDraftWithoutHello();

        github.uploadsAt(null);
        release(releaser(github.apiUrl(), settings(), recordingSleeper()));

        assertPublishedWithEachFileOnce();
        assertThat(log).anyMatch(l -> l.startsWith("GitHub: found the draft release of tag v0.2.0"));
    }

    @Test
    void aHostThatDoesNotResolveIsUnreachableAndNamed() {
        Throwable failure = failureOf(() -> release(releaser("https://github.invalid/api/v3/",
                settings().withAttempts(1), recordingSleeper())));

        assertThat(failure).isInstanceOf(GitHubUnreachableException.class)
                .hasMessageStartingWith("GitHub did not answer GET https://github.invalid/api/v3/")
                .hasMessageContaining("UnknownHostException");
    }

    @Test
    void aTlsFailureIsUnreachableAndNamed() throws IOException {
        Throwable failure;
        try (PlainHttpPort plain = new PlainHttpPort()) {
            failure = failureOf(() -> release(releaser("https://127.0.0.1:" + plain.port() + "/api/v3/",
                    settings().withAttempts(1), recordingSleeper())));
        }

        assertThat(failure).isInstanceOf(GitHubUnreachableException.class)
                .hasMessageStartingWith("GitHub did not answer GET https://127.0.0.1:")
                .hasMessageContaining("SSL");
    }

    @Test
    void anAbortedBuildStopsWithoutASecondSendAndTheRerunFinishes() throws Exception {
        github.failNextUpload(UploadFault.STALL);
        AtomicReference<Thread> worker = new AtomicReference<>();
        HttpSettings slow = HttpSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(20));
        CompletableFuture<Throwable> aborted = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                release(releaser(github.apiUrl(), slow, Sleeper.REAL));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (github.uploadRequests("hello.txt") == 0) {
            Thread.sleep(20);
        }
        worker.get().interrupt();

        Throwable failure = failureOf(() -> {
            throw aborted.get(30, TimeUnit.SECONDS);
        });
        assertThat(failure).isInstanceOf(ReleaseException.class).hasMessageContaining("Interrupted");
        assertThat(github.uploadRequests("hello.txt")).as("nothing sent after the interrupt").isEqualTo(1);
        assertDraftWithoutHello();

        release(releaser(github.apiUrl(), settings(), recordingSleeper()));

        assertPublishedWithEachFileOnce();
    }

    @Test
    void aFileRewrittenBetweenAttemptsIsRefusedBeforeItIsSentAgain() {
        github.failNextUpload(UploadFault.STATUS_503);
        // Only the backoff after the upload's 503: a read retried before it (a cold double can outlast the short
        // idle timeout these tests use) must not rewrite the file before its first attempt.
        Sleeper rewriteDuringBackoff = d -> {
            if (github.uploadRequests("hello.txt") > 0) {
                append(hello);
            }
        };

        Throwable failure = failureOf(() -> release(releaser(github.apiUrl(), settings(),
                rewriteDuringBackoff)));

        assertThat(failure).isInstanceOf(ReleaseException.class)
                .hasMessageStartingWith("hello.txt changed while it was being published")
                .hasMessageContaining("rebuild, then run again");
        assertThat(github.uploadRequests("hello.txt")).isEqualTo(1);
        assertDraftWithoutHello();
    }

    @Test
    void aFileRewrittenWhileItsUploadWasInFlightIsRemovedFromTheRelease() {
        github.onUpload(() -> {
            github.onUpload(() -> { });
            append(hello);
        });

        Throwable failure = failureOf(() -> release(releaser(github.apiUrl(), settings(),
                recordingSleeper())));

        assertThat(failure).isInstanceOf(ReleaseException.class)
                .hasMessageStartingWith("hello.txt changed while it was being published");
        assertDraftWithoutHello();
    }

    @Test
    void theDoublesDescriptionCheckCatchesAnAnswerGitHubWouldNotGive() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode asset = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(
                        "src/test/resources/github-fixtures/logflux-create-publish.json").toFile()).get(5)
                        .get("response");
        GitHubApiDescription description = GitHubApiDescription.load();
        String upload = "/repos/" + GitHubReleaseDouble.REPO + "/releases/1000/assets";

        assertThat(description.responseProblems("post", upload, 201, asset)).isEmpty();
        assertThat(description.responseProblems("post", upload, 201, asset.deepCopy().put("state", "starter")))
                .singleElement().asString().contains("state");
        assertThat(description.responseProblems("post", upload, 201, asset.deepCopy().without("size")))
                .isNotEmpty();
    }

    /** What the call threw; its messages, causes included, are kept for the suite-wide search for tokens. */
    private Throwable failureOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Captured.record(getClass().getSimpleName(), t.toString());
        }
        return failure;
    }

    private static void append(Path file) {
        try {
            Files.writeString(file, "more\n", StandardOpenOption.APPEND);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() + 5_000));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
