package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.rehearsal.StoredFile;
import io.logflux.release.testing.ArchiveEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload that starts while the check and the digest still run (the test index, like warehouse, refuses a form
 * without a digest, and says so to the token probe): the check's verdict held back until the index is reading the
 * file shows what happens when it fails, or when the file changes, at that moment.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OverlappedUploadTest extends PublisherFixture {
    private static final long UPLOAD_START_WAIT_MILLIS = 60_000;

    private Publisher publisher(Publisher.Checker checker, PublishOptions options) {
        PackageIndex target = PackageIndex.resolve(index.uploadUrl(), null, null);
        return new Publisher(target, IndexCredentials.token(token, "credentials 'test-pypi-token'"), fastSettings(),
                options, sleeps::add, log::add, new PublishProgress(), checker);
    }

    /** The check, once the index has begun to receive an upload: it is reading the file while the verdict is out. */
    private Publisher.Checker afterTheUploadStarted(Runnable meanwhile) {
        return files -> {
            CheckReport report = new DistributionChecker(CheckOptions.defaults()).check(files);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UPLOAD_START_WAIT_MILLIS);
            while (index.uploadRequests() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no upload started while the check ran");
                }
                pause();
            }
            meanwhile.run();
            return report;
        };
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private Path broken() throws IOException {
        Files.createDirectories(dir.resolve("broken"));
        return ArchiveEditor.ofWheel(wheel).keepingRecord().put("logflux/extra.py", "X = 1\n")
                .writeWheel(dir.resolve("broken").resolve(wheel.getFileName()));
    }

    @Test
    void aCheckThatFailsWhileTheFileStreamsCutsTheUploadOffAndTheIndexStoresNothing() throws Exception {
        Path broken = broken();

        ReleaseException e = refusal(publisher(afterTheUploadStarted(() -> { }), PublishOptions.defaults()), broken);

        assertThat(e.reason()).isEqualTo("failed");
        assertThat(e.getMessage()).startsWith("Not uploading to " + index.uploadUrl() + ": check found problems")
                .contains("the index stored nothing (the upload of " + wheel.getFileName() + " was cut off before "
                        + "its digest and its end)")
                .contains("FAILED");
        assertThat(index.uploadRequests()).as("the upload had started").isEqualTo(1);
        assertThat(index.lastForm()).as("the index never received a complete form").isEmpty();
        assertThat(index.files()).isEmpty();
    }

    @Test
    void aFileRewrittenWhileItStreamsIsRefusedAndTheIndexStoresNothing() throws Exception {
        Path copy = Files.copy(wheel, dir.resolve(wheel.getFileName()));
        Runnable rewrite = () -> {
            try {
                Files.write(copy, Files.readAllBytes(copy));
                Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis()
                        + 2_000));
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        };

        ReleaseException e = refusal(publisher(afterTheUploadStarted(rewrite), PublishOptions.defaults()), copy);

        assertThat(e.getMessage()).startsWith(wheel.getFileName() + " changed while it was being published")
                .contains("when the publish started");
        assertThat(index.lastForm()).as("the index never received a complete form").isEmpty();
        assertThat(index.files()).isEmpty();
    }

    @Test
    void theSha256GoesAfterTheFileAndTheIndexListsOurs() {
        PublishReport report = publisher(files -> new DistributionChecker(CheckOptions.defaults()).check(files),
                PublishOptions.defaults()).publish(List.of(wheel, sdist));

        assertThat(log).anyMatch(l -> l.startsWith("Uploading " + wheel.getFileName() + " (")
                && l.contains("its sha256 after it"));
        assertThat(index.lastForm()).filteredOn(f -> f.getKey().equals("sha256_digest")).singleElement()
                .satisfies(f -> assertThat(f.getValue()).isEqualTo(FileDigests.of(sdist).sha256()));
        assertThat(index.files()).extracting(StoredFile::sha256)
                .containsExactly(FileDigests.of(wheel).sha256(), FileDigests.of(sdist).sha256());
        assertThat(report.release()).extracting(f -> f.digests().sha256())
                .containsExactly(FileDigests.of(wheel).sha256(), FileDigests.of(sdist).sha256());
    }

    @Test
    void withoutTheTokenProbeTheCheckComesBeforeAnyByteOfTheFile() throws Exception {
        Path broken = broken();
        AtomicInteger uploadsWhenChecked = new AtomicInteger(-1);
        Publisher.Checker checker = files -> {
            uploadsWhenChecked.set(index.uploadRequests());
            return new DistributionChecker(CheckOptions.defaults()).check(files);
        };

        ReleaseException e = refusal(publisher(checker, PublishOptions.defaults().withProbeToken(false)), broken);

        assertThat(e.getMessage()).startsWith("Not uploading to " + index.uploadUrl() + ": check found problems")
                .contains("nothing was sent.");
        assertThat(uploadsWhenChecked).hasValue(0);
        assertThat(index.uploadRequests()).isZero();
        assertThat(index.files()).isEmpty();
    }
}
