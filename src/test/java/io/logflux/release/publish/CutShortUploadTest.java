package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uploads whose body is cut off in the middle, to an index that keeps what arrived of a form whose {@code :action} came
 * first (pypiserver behind wsgiref: src/test/resources/wire/lenient_index.py mirrors its routes). In twine's order (no
 * token probe) the index then lists a file of ours, cut short: the error says so and how to clear it, instead of
 * calling it another release's file. After the probe, pypiserver has said it refuses a form without its action, so
 * the action goes after the file: a body cut off there, by the network or by a check that failed meanwhile, leaves
 * nothing on the index.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CutShortUploadTest {
    private static final String TOKEN = "pypi-cut-short-test-token";
    private static final int BYTES_OF_THE_FILE_LET_THROUGH = 600;

    @TempDir
    Path dir;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private Process index;
    private Path packages;

    @AfterEach
    void stop() throws InterruptedException {
        if (index != null) {
            index.destroy();
            index.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(String.join("\n", log)).doesNotContain(TOKEN);
    }

    private Publisher publisher(UploadRelay relay, PublishOptions options, Publisher.Checker checker) {
        PackageIndex target = PackageIndex.resolve("http://127.0.0.1:" + relay.port() + "/", null, null);
        return new Publisher(target, IndexCredentials.token(TOKEN, "credentials 'index-token'"),
                HttpSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)), options,
                sleeps::add, log::add, new PublishProgress(), checker);
    }

    private static CheckReport check(List<Path> files) {
        return new DistributionChecker(CheckOptions.defaults()).check(files);
    }

    @Test
    void aFileTheIndexKeptCutShortIsNamedAsOursCutShortNotAsAnotherRelease() throws Exception {
        Path wheel = SampleBuild.shared().wheel();
        try (UploadRelay relay = new UploadRelay(startLenientIndex(), BYTES_OF_THE_FILE_LET_THROUGH)) {
            Publisher publisher = publisher(relay, PublishOptions.defaults().withProbeToken(false),
                    CutShortUploadTest::check);

            ReleaseException e = catchThrowableOfType(ReleaseException.class,
                    () -> publisher.publish(List.of(wheel)));

            assertThat(e).as(String.join("\n", log)).isNotNull();
            Captured.record(getClass().getSimpleName(), e.getMessage());
            assertThat(relay.cut()).as("the upload's connection was cut").isTrue();
            Path kept = packages.resolve(wheel.getFileName().toString());
            assertThat(kept).as("the index kept the part that arrived").exists();
            assertThat(Files.size(kept)).isLessThan(Files.size(wheel));
            assertThat(e.reason()).isEqualTo("conflict");
            assertThat(e.getMessage()).startsWith(wheel.getFileName() + " is on " + publisherTarget(relay)
                            + " now with other content than ours")
                    .contains("it was not there before this upload, whose connection broke before the index answered")
                    .contains("Most likely the index kept our upload cut short")
                    .contains("remove that file from the index")
                    .doesNotContain("Increment version number")
                    .doesNotContain(TOKEN);
        }
    }

    @Test
    void withTheActionAfterTheFileACutOffUploadLeavesNothingAndTheRetryStoresTheWholeFile() throws Exception {
        Path wheel = SampleBuild.shared().wheel();
        try (UploadRelay relay = new UploadRelay(startLenientIndex(), BYTES_OF_THE_FILE_LET_THROUGH)) {
            PublishReport report = publisher(relay, PublishOptions.defaults(), CutShortUploadTest::check)
                    .publish(List.of(wheel));

            assertThat(relay.cut()).as("the first upload's connection was cut").isTrue();
            assertThat(log).anyMatch(l -> l.startsWith("Uploading " + wheel.getFileName() + " (")
                    && l.contains("its sha256 and the upload's action after it"));
            assertThat(report.files()).singleElement().satisfies(f -> {
                assertThat(f.outcome()).isEqualTo(PublishedFile.Outcome.UPLOADED);
                assertThat(f.attempts()).isEqualTo(2);
            });
            assertThat(Files.readAllBytes(packages.resolve(wheel.getFileName().toString())))
                    .as("the file the index stored is the whole of ours").isEqualTo(Files.readAllBytes(wheel));
        }
    }

    @Test
    void aCheckThatFailsWhileTheFileStreamsLeavesNothingOnTheIndex() throws Exception {
        Path broken = ArchiveEditor.ofWheel(SampleBuild.shared().wheel()).keepingRecord()
                .put("logflux/extra.py", "X = 1\n").writeWheel(dir.resolve(SampleBuild.shared().wheel()
                        .getFileName()));
        long size = Files.size(broken);
        try (UploadRelay relay = new UploadRelay(startLenientIndex(), -1)) {
            // The verdict comes once the index has the whole file part: only the action and the end are missing.
            Publisher.Checker afterTheFile = files -> {
                CheckReport report = check(files);
                relay.awaitFileBytes(size);
                return report;
            };

            ReleaseException e = catchThrowableOfType(ReleaseException.class,
                    () -> publisher(relay, PublishOptions.defaults(), afterTheFile).publish(List.of(broken)));

            assertThat(e).as(String.join("\n", log)).isNotNull();
            assertThat(e.getMessage()).startsWith("Not uploading to " + publisherTarget(relay)
                            + ": check found problems")
                    .contains("the index stored nothing (the upload of " + broken.getFileName() + " was cut off");
            assertThat(relay.awaitUploadClosedByIndex()).as("the index answered the cut-off upload").isTrue();
            assertThat(packages).isEmptyDirectory();
        }
    }

    @Test
    void realTwineUploadsToTheDoubleAndOurRerunSkipsWhatItSent() throws Exception {
        // Calibration: the double takes twine's upload as pypiserver does (:action first, then the file), and lists
        // it with the sha256 our publish reads.
        Path wheel = SampleBuild.shared().wheel();
        try (UploadRelay relay = new UploadRelay(startLenientIndex(), -1)) {
            DebianPython.Result twine = DebianPython.run(dir, Map.of("TWINE_USERNAME", "__token__", "TWINE_PASSWORD",
                    TOKEN, "COLUMNS", "1000"), "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar",
                    "--repository-url", "http://127.0.0.1:" + relay.port() + "/", wheel.toString());
            assertThat(twine.status()).as(twine.output()).isZero();
            assertThat(Files.readAllBytes(packages.resolve(wheel.getFileName().toString())))
                    .isEqualTo(Files.readAllBytes(wheel));

            PublishReport ours = publisher(relay, PublishOptions.defaults(), CutShortUploadTest::check)
                    .publish(List.of(wheel));

            assertThat(ours.skipped()).hasSize(1);
        }
    }

    private static String publisherTarget(UploadRelay relay) {
        return PackageIndex.resolve("http://127.0.0.1:" + relay.port() + "/", null, null).describe();
    }

    private int startLenientIndex() throws Exception {
        packages = Files.createDirectories(dir.resolve("packages"));
        Path script = Path.of(getClass().getResource("/wire/lenient_index.py").toURI());
        Path portFile = dir.resolve("port");
        index = new ProcessBuilder(DebianPython.executable(), script.toString(), packages.toString(),
                portFile.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("index.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile)) {
            if (!index.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the lenient index did not start: "
                        + Files.readString(dir.resolve("index.log")));
            }
            Thread.sleep(20);
        }
        return Integer.parseInt(Files.readString(portFile).strip());
    }
}
