package io.logflux.release.publish;

import io.logflux.release.units.ByteSizes;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.ReleaseException;
import io.logflux.release.testindex.Fault;
import io.logflux.release.rehearsal.StoredFile;
import io.logflux.release.testing.ArchiveEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher against the calibrated test index: the happy path, re-runs, retries and every fault. */
class PublisherTest extends PublisherFixture {
    @Test
    void theFilesAfterTheFirstGoUpSideBySideAndFaultsOnThemStillEndWithOneCopyEach() {
        List<Path> files = List.of(wheel, wheelFor("cp311"), wheelFor("cp312"), wheelFor("cp313"), sdist);
        index.failNextUploads(Fault.RESET_MID_BODY, Fault.STATUS_503, Fault.LAND_THEN_DROP_RESPONSE,
                Fault.TOO_MANY_REQUESTS);

        PublishReport report = publisher().publish(files);

        assertThat(report.uploaded()).hasSize(5);
        for (Path file : files) {
            assertThat(index.writes(file.getFileName().toString())).as(file.getFileName() + " stored once")
                    .isEqualTo(1);
        }
        assertThat(report.files()).extracting(PublishedFile::fileName).containsExactlyInAnyOrderElementsOf(
                files.stream().map(f -> f.getFileName().toString()).toList());
    }

    @Test
    void uploadsWheelThenSdistAndReportsBoth() {
        PublishReport report = publisher().publish(List.of(sdist, wheel));

        assertThat(report.files()).extracting(PublishedFile::fileName)
                .containsExactly(wheel.getFileName().toString(), sdist.getFileName().toString());
        assertThat(report.files()).allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(PublishedFile.Outcome.UPLOADED);
            assertThat(f.attempts()).isEqualTo(1);
        });
        assertThat(report.files().get(0).sha256()).isEqualTo(FileDigests.of(wheel).sha256());
        assertThat(index.files()).extracting(StoredFile::filename)
                .containsExactly(wheel.getFileName().toString(), sdist.getFileName().toString());
        assertThat(index.files().get(0).sha256()).isEqualTo(FileDigests.of(wheel).sha256());
        assertThat(index.usernamesSeen()).containsExactly("__token__");
        assertThat(report.summary()).isEqualTo("Published logflux 0.2.0 to " + index.uploadUrl()
                + ": 2 uploaded, 0 already there.");
        assertThat(log).anyMatch(l -> l.startsWith("Uploading " + wheel.getFileName() + " ("));
        assertThat(log).anyMatch(l -> l.startsWith("Uploaded " + wheel.getFileName() + " (sha256 "
                + FileDigests.of(wheel).sha256() + ") in "));
        assertThat(log).as("the index keeps its connections alive honestly").noneMatch(l -> l.contains("failed"));
    }

    @Test
    void aRerunSkipsWhatIsAlreadyThereWithoutSendingIt() {
        publisher().publish(List.of(wheel));
        int before = index.uploadRequests();

        PublishReport again = publisher().publish(List.of(wheel, sdist));

        assertThat(again.skipped()).extracting(PublishedFile::fileName).containsExactly(wheel.getFileName().toString());
        assertThat(again.skipped().get(0).attempts()).isZero();
        assertThat(again.uploaded()).extracting(PublishedFile::fileName).containsExactly(sdist.getFileName().toString());
        assertThat(index.uploadRequests() - before).isEqualTo(1);
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
        assertThat(log).anyMatch(l -> l.startsWith("Skipping " + wheel.getFileName() + ": ")
                && l.contains("same sha256"));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyInjectedFaultEndsWithExactlyOneCopy(Fault fault) {
        index.failNextUploads(fault).stallMillis(1_500);
        HttpSettings settings = fastSettings().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500),
                Duration.ofSeconds(30));

        PublishReport report = publisher(token, settings).publish(List.of(wheel));

        assertThat(report.uploaded()).hasSize(1);
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
        assertThat(index.files()).hasSize(1);
        assertThat(index.files().get(0).sha256()).isEqualTo(FileDigests.of(wheel).sha256());
        // A fault before any answer on a kept connection cannot be told from a stale connection: looked at, then
        // re-sent at once on a new one; the others are retried after a wait.
        assertThat(log).anyMatch(l -> l.startsWith("Uploading " + wheel.getFileName() + " failed (")
                || l.startsWith("Uploading " + wheel.getFileName() + " to " + index.uploadUrl() + " failed before any "
                + "answer"));
        if (fault == Fault.LAND_THEN_DROP_RESPONSE) {
            assertThat(index.uploadRequests()).as("the re-check found it: no second POST").isEqualTo(1);
            assertThat(log).anyMatch(l -> l.contains("only the answer was lost"));
        } else {
            assertThat(index.uploadRequests()).isEqualTo(2);
        }
    }

    @Test
    void aLostAnswerWhileTheListingLagsIsResentAndTheIndexKeepsOneCopy() {
        index.failNextUploads(Fault.LAND_THEN_DROP_RESPONSE).hideNewFilesForReads(2);

        PublishReport report = publisher().publish(List.of(wheel));

        assertThat(report.uploaded()).hasSize(1);
        assertThat(index.uploadRequests()).isEqualTo(2);
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
    }

    @Test
    void anUploadTheIndexStopsReadingIsGivenUpAfterTheIdleTimeoutAndSentAgainOnce() {
        // More than the connection's buffers hold, so the client is left in a write.
        Path big = wheelWith24MiBThatDoNotCompress();
        // The index reads half, then no more until the next upload arrives: only the idle timeout can end the first.
        index.failNextUploads(Fault.STOP_READING_MID_BODY).stallMillis(120_000);
        HttpSettings settings = fastSettings().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500),
                Duration.ofSeconds(110));

        PublishReport report = publisher(token, settings).publish(List.of(big));

        assertThat(report.uploaded()).hasSize(1);
        assertThat(report.uploaded().get(0).attempts()).isEqualTo(2);
        assertThat(index.uploadRequests()).isEqualTo(2);
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
        assertThat(index.files().get(0).sha256()).isEqualTo(FileDigests.of(big).sha256());
        assertThat(log).anyMatch(l -> l.startsWith("Uploading " + wheel.getFileName() + " failed "
                + "(SocketTimeoutException: nothing could be sent for 500 ms (the idle timeout): the server stopped "
                + "reading the request). Checking whether it reached "));
    }

    @Test
    void aFileLargerThanAWebServersDefaultBodyLimitGoesUpOnce() {
        // Over the 10 MiB an embedded server refuses unless told otherwise.
        Path big = wheelWith24MiBThatDoNotCompress();

        PublishReport report = publisher().publish(List.of(big));

        assertThat(report.uploaded()).hasSize(1);
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
        assertThat(index.files().get(0).size()).isGreaterThan(24L << 20);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void warehousesOkForAnIdenticalFileTheListingDoesNotShowIsAnUploadNotASkip() {
        // legacy.py answers 200 to an identical re-upload: the index holds our bytes, and we sent them.
        index.hideNewFilesForReads(1_000);
        index.preload(wheel, "logflux", "0.2.0");

        PublishReport report = publisher().publish(List.of(wheel));

        assertThat(report.uploaded()).singleElement().satisfies(f -> assertThat(f.outcome())
                .isEqualTo(PublishedFile.Outcome.UPLOADED));
        assertThat(index.files()).hasSize(1);
    }

    @Test
    void onAnIndexThatAnswers409ToAnIdenticalFileTheRetryIsRecognisedAsOurs() {
        index.conflictOnIdenticalReupload(true).failNextUploads(Fault.LAND_THEN_DROP_RESPONSE).hideNewFilesForReads(1);

        PublishReport report = publisher().publish(List.of(wheel));

        assertThat(report.uploaded()).hasSize(1);
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWaitsAtLeastWhatRetryAfterAsks() {
        index.failNextUploads(Fault.TOO_MANY_REQUESTS);

        publisher().publish(List.of(wheel));

        assertThat(sleeps).contains(Duration.ofSeconds(1));
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysNothingIsHalfDone() {
        index.failNextUploads(Fault.STATUS_503, Fault.STATUS_503, Fault.STATUS_503);

        ReleaseException e = refusal(publisher(token, fastSettings().withAttempts(3)), wheel);

        assertThat(e).isInstanceOf(IndexUnreachableException.class);
        assertThat(e.reason()).isEqualTo("unreachable");
        assertThat(e.getMessage()).startsWith("Uploading " + wheel.getFileName() + " to " + index.uploadUrl()
                + " failed 3 times; the last problem: HTTP 503 \"Injected failure 503.\"")
                .contains("files already on the index with the same sha256 are skipped");
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(1)).isGreaterThanOrEqualTo(sleeps.get(0).dividedBy(2));
        assertThat(index.files()).isEmpty();
    }

    @Test
    void anUnreachableIndexIsReportedAsSuch() {
        index.close();

        ReleaseException e = refusal(publisher(token, fastSettings().withAttempts(2)), wheel);

        assertThat(e).isInstanceOf(IndexUnreachableException.class);
        assertThat(e.reason()).isEqualTo("unreachable");
        assertThat(e.getMessage()).startsWith("Cannot reach the upload URL of " + index.uploadUrl() + " after 2 attempts");
    }

    @Test
    void worksWithAnIndexWithoutJsonApiWhoseSimplePagesAreHtml() {
        index.withoutJsonApi().htmlOnlySimpleApi();
        publisher().publish(List.of(wheel));

        PublishReport again = publisher().publish(List.of(wheel));

        assertThat(again.skipped()).hasSize(1);
        assertThat(index.uploadRequests()).isEqualTo(1);
    }

    @Test
    void worksWithAPypiserverStyleIndexThatTakesUploadsAtItsRoot() {
        index.withoutJsonApi().htmlOnlySimpleApi().conflictOnIdenticalReupload(true);
        Publisher atRoot = new Publisher(PackageIndex.resolve(index.baseUrl(), null, null),
                IndexCredentials.token(token, "credentials 'internal-index'"), fastSettings(), PublishOptions.defaults(),
                sleeps::add, log::add);

        atRoot.publish(List.of(wheel, sdist));
        PublishReport again = atRoot.publish(List.of(wheel, sdist));

        assertThat(again.skipped()).hasSize(2);
        assertThat(index.uploadRequests()).isEqualTo(2);
        assertThat(index.requestLog()).contains("GET /simple/logflux/ -> 200");
    }

    @Test
    void progressLinesShowBytesRateAndTheEnd() {
        publisher(token, fastSettings()).publish(List.of(wheel));

        String size = io.logflux.release.units.ByteSizes.human(FileDigests.of(wheel).size());
        assertThat(log).anyMatch(l -> l.startsWith(wheel.getFileName() + ": " + size + " of " + size + " (100%), ")
                && l.endsWith("/s, sent; waiting for the index to accept it"));
    }

    @Test
    void theUploadUrlWithoutTrailingSlashIsCompletedNotRedirected() {
        String noSlash = index.uploadUrl().substring(0, index.uploadUrl().length() - 1);
        Publisher publisher = new Publisher(PackageIndex.resolve(noSlash, null, null),
                IndexCredentials.token(token, "environment variable TWINE_PASSWORD"), fastSettings(),
                PublishOptions.defaults(), sleeps::add, log::add);

        publisher.publish(List.of(wheel));

        assertThat(index.requestLog()).noneMatch(l -> l.contains("-> 308"));
        assertThat(index.files()).hasSize(1);
    }

    @Test
    void noFilesIsAClearError() {
        assertThatThrownBy(() -> publisher().publish(List.of()))
                .hasMessageStartingWith("No files to publish to " + index.uploadUrl());
    }

    /** The sample wheel with 24 MiB of random bytes added, under its own name. */
    private Path wheelWith24MiBThatDoNotCompress() {
        byte[] data = new byte[24 << 20];
        new java.util.Random(13).nextBytes(data);
        return ArchiveEditor.ofWheel(wheel).put("logflux/data.bin", data).writeWheel(dir.resolve(wheel.getFileName()));
    }
}
