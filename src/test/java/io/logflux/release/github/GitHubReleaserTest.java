package io.logflux.release.github;

import io.logflux.release.ReleaseException;
import io.logflux.release.testing.Captured;
import org.junit.jupiter.api.AfterEach;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The release flow against this project's own fixture files (src/test/resources/github-fixtures, made by generate.py),
 * replayed by the real fixtures server: requests must come exactly as scripted, in order.
 */
class GitHubReleaserTest {
    private final FixturesServer server = FixturesServer.shared();
    private final List<String> log = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void keepTheLog() {
        Captured.record(getClass().getSimpleName(), String.join("\n", log));
        assertThat(String.join("\n", log)).doesNotContain(GitHubFixtures.FIXTURE_TOKEN);
    }

    private GitHubReleaser releaser(URI base) {
        GitHubApi api = new GitHubApi(GitHubFixtures.modernHttp(base, sleeps::add, log::add),
                GitHubRepo.parse("logflux/logflux-python"), "credentials 'github-token'");
        return new GitHubReleaser(api, GitHubFixtures.fastSettings(), sleeps::add, log::add);
    }

    private GitHubReleaseRequest request(boolean replace) throws Exception {
        Path hello = Files.writeString(dir.resolve("hello.txt"), "Hello, world!\n");
        return new GitHubReleaseRequest(GitHubRepo.parse("logflux/logflux-python"), "v0.2.0", "0.2.0",
                "logflux v0.2.0", () -> "### Added\n- First release of the SDK.", Optional.empty(), false, replace, true,
                List.of(hello));
    }

    @Test
    void createsADraftUploadsTheFilesAndSha256sumsThenPublishes() throws Exception {
        URI base = server.load("logflux-create-publish");

        GitHubReleaseReport report = releaser(base).release(request(false), dir);

        assertThat(report.created()).isTrue();
        assertThat(report.draft()).isFalse();
        assertThat(report.releaseId()).isEqualTo(1000);
        assertThat(report.assets()).extracting(ReleasedAsset::name, ReleasedAsset::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hello.txt", ReleasedAsset.Outcome.UPLOADED),
                org.assertj.core.groups.Tuple.tuple("SHA256SUMS", ReleasedAsset.Outcome.UPLOADED));
        assertThat(Files.readString(dir.resolve("SHA256SUMS"))).isEqualTo(
                "d9014c4624844aa5bac314773d6b689ad467fa4e1d1a50a1b8a99d5a95f72ff5  hello.txt\n");
        assertThat(log).contains("GitHub: published the release of tag v0.2.0 of logflux/logflux-python: "
                + report.htmlUrl());
        server.assertConsumed(base);
    }

    @Test
    void aBackportIsPublishedWithoutBecomingTheLatestRelease() throws Exception {
        URI base = server.load("logflux-backport");

        GitHubReleaseReport report = releaser(base).release(request(false), dir);

        assertThat(report.draft()).isFalse();
        server.assertConsumed(base);
    }

    @Test
    void aRunThatStoppedBeforePublishingIsFinishedWithoutUploadingAgain() throws Exception {
        URI base = server.load("logflux-resume-draft");

        GitHubReleaseReport report = releaser(base).release(request(false), dir);

        assertThat(report.created()).isFalse();
        assertThat(report.draft()).isFalse();
        assertThat(report.assets()).extracting(ReleasedAsset::outcome)
                .containsOnly(ReleasedAsset.Outcome.ALREADY_PRESENT);
        server.assertConsumed(base);
    }

    @Test
    void anUnfinishedAssetLeftByA502IsDeletedAndTheFileUploadedOnce() throws Exception {
        URI base = server.load("logflux-502-unfinished");

        GitHubReleaseReport report = releaser(base).release(request(false), dir);

        assertThat(report.assets()).extracting(ReleasedAsset::outcome).containsOnly(ReleasedAsset.Outcome.UPLOADED);
        assertThat(log).anyMatch(l -> l.startsWith("GitHub: uploading hello.txt failed (HTTP 502"));
        assertThat(log).contains("GitHub: removing the unfinished asset hello.txt (state open) before retrying.");
        assertThat(sleeps).hasSize(1);
        server.assertConsumed(base);
    }

    @Test
    void a502ThenA422OnTheRetryEndsWithOneAssetAndAPublishedRelease() throws Exception {
        URI base = server.load("logflux-502-then-422");

        GitHubReleaseReport report = releaser(base).release(request(false), dir);

        assertThat(report.draft()).isFalse();
        assertThat(report.assets().get(0).outcome()).isEqualTo(ReleasedAsset.Outcome.UPLOADED);
        assertThat(log).anyMatch(l -> l.contains("hello.txt is on the release with the same sha256 (an earlier "
                + "attempt landed)"));
        server.assertConsumed(base);
    }

    @Test
    void anAssetWithOtherBytesIsRefusedAndNothingChanges() throws Exception {
        URI base = server.load("logflux-conflict");

        assertThatThrownBy(() -> releaser(base).release(request(false), dir))
                .isInstanceOf(ReleaseException.class)
                .hasMessageStartingWith("The GitHub release of tag v0.2.0 of logflux/logflux-python already has an "
                        + "asset hello.txt with other content (9 bytes, state uploaded, sha256 ")
                .hasMessageContaining("Set replaceAssets: true (--replace-assets) to replace it");
        server.assertConsumed(base);
    }

    @Test
    void anAssetListedWithoutADigestIsDownloadedHashedAndKeptWhenEqual() throws Exception {
        URI base = server.load("logflux-digestless-asset");

        GitHubReleaseReport report = releaser(base).release(request(false), dir);

        assertThat(report.assets()).extracting(ReleasedAsset::name, ReleasedAsset::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hello.txt", ReleasedAsset.Outcome.ALREADY_PRESENT),
                org.assertj.core.groups.Tuple.tuple("SHA256SUMS", ReleasedAsset.Outcome.UPLOADED));
        assertThat(report.draft()).isFalse();
        server.assertConsumed(base);
    }

    @Test
    void anImmutableReleaseIsExplainedNotFailedObscurely() throws Exception {
        URI base = server.load("logflux-immutable");

        assertThatThrownBy(() -> releaser(base).release(request(false), dir))
                .hasMessageStartingWith("The GitHub release of tag v0.2.0 of logflux/logflux-python is immutable "
                        + "(published with immutable releases on): its assets can no longer change, so hello.txt cannot "
                        + "be attached.");
        server.assertConsumed(base);
    }

    @Test
    void aTagThatWasNeverPushedStopsBeforeAnythingIsCreated() throws Exception {
        URI base = server.load("logflux-no-tag");

        assertThatThrownBy(() -> releaser(base).release(request(false), dir))
                .hasMessage("Tag v0.2.0 does not exist in logflux/logflux-python. Push it first (git push origin "
                        + "v0.2.0): a release is made for an existing tag only, so that it cannot silently tag another "
                        + "commit.");
        server.assertConsumed(base);
    }

    @Test
    void deletingAReleaseAndAnAlreadyDeletedTag() {
        URI base = server.load("logflux-delete");
        GitHubApi api = new GitHubApi(GitHubFixtures.modernHttp(base, sleeps::add, log::add),
                GitHubRepo.parse("logflux/logflux-python"), "credentials 'github-token'");

        assertThat(api.deleteRelease(1000)).isTrue();
        assertThat(api.deleteRef("tags/v0.2.0")).as("422 Reference does not exist = already gone").isFalse();
        server.assertConsumed(base);
    }
}
