package io.logflux.release.github;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A run without a work directory of its own keeps SHA256SUMS in a temporary one and removes it, also on failure. */
class GitHubReleaseTempDirTest {
    private GitHubReleaseDouble github;

    @TempDir
    Path dir;

    @TempDir
    Path tempRoot;

    @BeforeEach
    void start() {
        github = new GitHubReleaseDouble();
    }

    @AfterEach
    void stop() {
        assertThat(github.descriptionProblems()).isEmpty();
        github.close();
    }

    private GitHubReleaseReport release() throws IOException {
        HttpSettings settings = HttpSettings.defaults().withAttempts(1);
        GitHubHttp http = new GitHubHttp(GitHubEndpoint.at(github.apiUrl()), new GitHubToken(FakeTokens.github(),
                "credentials 'github-token'"), settings, d -> { }, System::currentTimeMillis, Duration.ZERO,
                line -> { });
        GitHubReleaser releaser = new GitHubReleaser(new GitHubApi(http, GitHubRepo.parse(GitHubReleaseDouble.REPO),
                "credentials 'github-token'"), settings, d -> { }, line -> { }, tempRoot);
        return releaser.release(new GitHubReleaseRequest(GitHubRepo.parse(GitHubReleaseDouble.REPO),
                GitHubReleaseDouble.TAG, "0.2.0", "logflux v0.2.0", () -> "notes", Optional.empty(), false, false,
                true, List.of(Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n"))));
    }

    private List<Path> left() throws IOException {
        try (Stream<Path> files = Files.list(tempRoot)) {
            return files.toList();
        }
    }

    @Test
    void aReleaseRemovesTheDirectoryItWroteSha256sumsInto() throws IOException {
        GitHubReleaseReport report = release();

        assertThat(report.draft()).isFalse();
        assertThat(github.stored("SHA256SUMS")).as("the checksums were written and attached").isEqualTo(1);
        assertThat(left()).as("nothing left in the temp folder").isEmpty();
    }

    @Test
    void aFailedReleaseRemovesItToo() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            github.uploadsAt("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        Throwable failure = catchThrowable(this::release);

        assertThat(failure).isInstanceOf(GitHubUnreachableException.class);
        assertThat(left()).as("nothing left in the temp folder").isEmpty();
    }
}
