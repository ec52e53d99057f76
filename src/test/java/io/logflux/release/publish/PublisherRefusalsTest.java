package io.logflux.release.publish;

import com.sun.net.httpserver.HttpServer;
import io.logflux.release.ReleaseException;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's refusals against the calibrated test index: conflicts, tokens, limits, check and duplicates. */
class PublisherRefusalsTest extends PublisherFixture {
    @Test
    void aDifferentFileUnderAnExistingNameStopsTheBatchBeforeAnyUpload() throws Exception {
        Path otherWheel = ArchiveEditor.sameNameOtherBytes(wheel, dir);
        index.preload(otherWheel, "logflux", "0.2.0");

        ReleaseException e = refusal(publisher(), wheel, sdist);

        assertThat(e.reason()).isEqualTo("conflict");
        assertThat(e.getMessage()).startsWith("File already exists: " + wheel.getFileName() + " is on "
                + index.uploadUrl() + " with different content")
                .contains("PyPI doesn't allow re-uploading the same version. Increment version number.")
                .contains("Nothing from this batch was uploaded.");
        assertThat(index.uploadRequests()).isZero();
        assertThat(index.files()).hasSize(1);
    }

    @Test
    void anUnknownTokenIsRefusedByTheProbeBeforeAnyFileIsSent() {
        ReleaseException e = refusal(publisher(FakeTokens.testPypi(), fastSettings()), wheel);

        assertThat(e.reason()).isEqualTo("token");
        assertThat(e.getMessage()).startsWith("The token check before uploading to " + index.uploadUrl()
                        + " was refused: HTTP 403 \"Invalid or non-existent authentication information.")
                .contains("Check the token in credentials 'test-pypi-token': is it valid for this index, and may "
                        + "it upload to project 'logflux'?")
                .endsWith("Nothing was uploaded.");
        assertThat(index.uploadRequests()).isZero();
        assertThat(index.files()).isEmpty();
    }

    @Test
    void aTokenScopedToAnotherProjectIsRefusedWithTheIndexsReasonAndTheCredentialsId() {
        String scoped = FakeTokens.testPypi();
        index.acceptToken(scoped, "other-project");

        ReleaseException e = refusal(publisher(scoped, fastSettings()), wheel);

        assertThat(e.reason()).isEqualTo("token");
        assertThat(e.getMessage()).startsWith("Uploading " + wheel.getFileName() + " to " + index.uploadUrl()
                        + " was refused: HTTP 403 \"Invalid API Token: project-scoped token is not valid for project: "
                        + "'logflux'\"")
                .contains("credentials 'test-pypi-token'")
                .doesNotContain(scoped);
        assertThat(index.files()).isEmpty();
    }

    @Test
    void aFileOverTheIndexLimitNamesTheLimitAndHowToRaiseIt() {
        index.maxFileBytes(1024);

        ReleaseException e = refusal(publisher(), wheel);

        assertThat(e.reason()).isEqualTo("too_large");
        assertThat(e.getMessage()).contains("refused " + wheel.getFileName()).contains("as too large: HTTP 400 "
                        + "\"File too large. Limit for project 'logflux' is 0 MB.")
                .contains("requesting-a-file-size-limit-increase");
    }

    @Test
    void filesThatFailCheckAreNeverStored() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Path broken = ArchiveEditor.ofWheel(wheel).keepingRecord().put("logflux/extra.py", "X = 1\n")
                .writeWheel(dir.resolve("broken").resolve(wheel.getFileName()));

        ReleaseException e = refusal(publisher(), broken);

        assertThat(e.reason()).isEqualTo("failed");
        assertThat(e.getMessage()).startsWith("Not uploading to " + index.uploadUrl() + ": check found problems")
                .contains("FAILED");
        // The upload may have started beside the check (OverlappedUploadTest holds the verdict back to show it).
        assertThat(index.lastForm()).as("the index never received a complete form").isEmpty();
        assertThat(index.files()).isEmpty();
    }

    @Test
    void theChecksVerdictComesBeforeWhatTheIndexSaysOfTheToken() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Path broken = ArchiveEditor.ofWheel(wheel).keepingRecord().put("logflux/extra.py", "X = 1\n")
                .writeWheel(dir.resolve("broken").resolve(wheel.getFileName()));

        ReleaseException e = refusal(publisher(FakeTokens.pypi(), fastSettings()), broken);

        assertThat(e.reason()).isEqualTo("failed");
        assertThat(e.getMessage()).startsWith("Not uploading to " + index.uploadUrl() + ": check found problems");
        assertThat(index.uploadRequests()).isZero();
    }

    @Test
    void warehousesDuplicateAnswerWhileTheListingLagsIsRefusedNotTakenForOurFile() throws Exception {
        // Someone else's file holds the name; the listing does not show it yet (a CDN that lags). Warehouse's 400
        // quotes the hash of the bytes we sent, so it matches ours: only the listing may decide, and it never confirms.
        Path other = ArchiveEditor.sameNameOtherBytes(wheel, dir);
        index.hideNewFilesForReads(1_000);
        String held = index.preload(other, "logflux", "0.2.0").sha256();

        ReleaseException e = refusal(publisher(token, fastSettings()), wheel);

        assertThat(e.reason()).isEqualTo("exists_not_listed");
        assertThat(e.getMessage()).startsWith(index.uploadUrl() + " says " + wheel.getFileName() + " already exists "
                + "\"File already exists ('" + wheel.getFileName() + "', with blake2_256 hash '")
                .contains("but does not list it with this file's sha256");
        assertThat(log).noneMatch(line -> line.contains("skipped"));
        assertThat(sleeps).as("the listing was asked " + FileUploader.EXISTING_LOOKS + " times")
                .hasSize(FileUploader.EXISTING_LOOKS - 1);
        assertThat(index.files()).singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(held));
    }

    @Test
    void aDuplicateAnswerIsSettledByTheListingOnceItCatchesUp() throws Exception {
        Path other = ArchiveEditor.sameNameOtherBytes(wheel, dir);
        // Hidden from the publisher's first listing (two reads: JSON API and simple page) and from the first look.
        index.hideNewFilesForReads(4);
        index.preload(other, "logflux", "0.2.0");

        ReleaseException e = refusal(publisher(token, fastSettings()), wheel);

        assertThat(e.reason()).isEqualTo("conflict");
        assertThat(e.getMessage()).startsWith("File already exists: " + wheel.getFileName() + " is on "
                + index.uploadUrl() + " with different content");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aListingThatNeverAnswersShowsItsRetriesBeforeTheError() throws Exception {
        HttpServer down = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        down.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        down.start();
        try {
            String simple = "http://127.0.0.1:" + down.getAddress().getPort() + "/simple/";
            PackageIndex target = PackageIndex.resolve(index.uploadUrl(), simple, null);
            Publisher publisher = new Publisher(target, IndexCredentials.token(token, "credentials 'test-pypi-token'"),
                    fastSettings(), PublishOptions.defaults(), sleeps::add, log::add);

            ReleaseException e = refusal(publisher, wheel);

            assertThat(e.getMessage()).startsWith("Cannot read " + simple + "logflux/");
            assertThat(log).filteredOn(line -> line.startsWith("Reading " + simple + "logflux/ failed (HTTP 503)"))
                    .hasSize(sleeps.size()).isNotEmpty();
            assertThat(index.uploadRequests()).as("no upload started").isZero();
        } finally {
            down.stop(0);
        }
    }
}
