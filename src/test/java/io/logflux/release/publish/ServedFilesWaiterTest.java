package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.ReleaseException;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting until the index serves the files, with the test index playing a CDN that lags. */
class ServedFilesWaiterTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path wheel = SampleBuild.shared().wheel();
    final Path sdist = SampleBuild.shared().sdist();

    @TempDir
    Path dir;
    TestIndex index;
    final List<String> log = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    long fakeNanos;

    @BeforeEach
    void useTheIndex() {
        index = server.index();
    }

    private ServedFilesWaiter waiter(PackageIndex target) {
        return new ServedFilesWaiter(target, HttpSettings.defaults(), d -> {
            sleeps.add(d);
            fakeNanos += d.toNanos();
        }, () -> fakeNanos, log::add, null);
    }

    private PackageIndex target() {
        return PackageIndex.resolve(index.uploadUrl(), null, null);
    }

    @Test
    void returnsAtOnceWhenEverythingIsServed() {
        index.preload(wheel, "logflux", "0.2.0");
        index.preload(sdist, "logflux", "0.2.0");

        AwaitReport report = waiter(target()).await(ReleaseFile.readRelease(List.of(wheel, sdist)),
                Duration.ofMinutes(15), Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(report.checks()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(report.files()).extracting(ServedFile::url)
                .containsExactly(index.baseUrl() + "packages/" + wheel.getFileName(),
                        index.baseUrl() + "packages/" + sdist.getFileName());
    }

    @Test
    void pollsWithADoublingIntervalUntilBothListingsServeTheFiles() {
        index.hideNewFilesForReads(4);
        index.preload(wheel, "logflux", "0.2.0");

        AwaitReport report = waiter(target()).await(ReleaseFile.readRelease(List.of(wheel)), Duration.ofMinutes(15),
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThat(report.checks()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(log.get(0)).isEqualTo("Waiting for " + index.uploadUrl() + " to serve " + wheel.getFileName()
                + " (JSON API: not yet, simple index: not yet); 0 ms so far, next check in 2 s.");
        assertThat(log).last().asString().endsWith("serves all 1 file(s) of logflux 0.2.0 (after 6 s, 3 checks).");
    }

    @Test
    void anIndexWithoutJsonApiIsJudgedByItsHtmlSimplePage() {
        index.withoutJsonApi().htmlOnlySimpleApi().hideNewFilesForReads(1);
        index.preload(wheel, "logflux", "0.2.0");

        AwaitReport report = waiter(target()).await(ReleaseFile.readRelease(List.of(wheel)), Duration.ofMinutes(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(report.checks()).isEqualTo(2);
        assertThat(log.get(0)).contains("(JSON API: not yet, simple index: not yet)");
        assertThat(log.get(1)).isEqualTo(index.jsonApiUrl() + " does not answer for logflux at all: this index has no "
                + "JSON API there, so its simple index decides.");
    }

    @Test
    void givesUpAtTheTimeoutAndSaysNotToReupload() {
        index.hideNewFilesForReads(1_000);
        index.preload(wheel, "logflux", "0.2.0");

        assertThatThrownBy(() -> waiter(target()).await(ReleaseFile.readRelease(List.of(wheel)),
                Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(8)))
                .isInstanceOf(ReleaseException.class)
                .hasMessageStartingWith("After 20 s, " + index.uploadUrl() + " still does not serve "
                        + wheel.getFileName() + " (JSON API: not yet, simple index: not yet).")
                .hasMessageContaining("If these files were uploaded, do not re-upload")
                .hasMessageContaining("If they were not, publish them first.")
                .hasMessageNotContaining("went through")
                .hasMessageNotContaining("status.python.org")
                .hasMessageContaining("Wait longer for propagation");
        // The whole timeout is used: the last wait is what is left of it, and the last check is made at the timeout.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(6));
    }

    @Test
    void otherBytesUnderTheSameNameStopAtOnce() throws Exception {
        Files.createDirectories(dir.resolve("other"));
        Path other = ArchiveEditor.ofWheel(wheel).put("logflux/extra.py", "X = 1\n")
                .writeWheel(dir.resolve("other").resolve(wheel.getFileName()));
        index.preload(other, "logflux", "0.2.0");

        assertThatThrownBy(() -> waiter(target()).await(ReleaseFile.readRelease(List.of(wheel)),
                Duration.ofMinutes(15), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .hasMessageContaining("serves " + wheel.getFileName() + " with other bytes")
                .hasMessageContaining("Increment version number.");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anIndexThatStopsAnsweringIsWaitedForNotFatal() throws Exception {
        index.preload(wheel, "logflux", "0.2.0");
        // A port that was just free: nothing listens there (the discard port 9 may have a listener that never answers).
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/legacy/";
        PackageIndex gone = PackageIndex.resolve(url, null, null);

        assertThatThrownBy(() -> waiter(gone).await(ReleaseFile.readRelease(List.of(wheel)), Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageStartingWith("After 3 s, " + url + " still does not serve "
                        + wheel.getFileName() + " (index not answering: ");
        assertThat(sleeps).hasSize(3);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
    void anIndexThatNeverAnswersHoldsEachCheckForNoLongerThanTheWait() throws Exception {
        index.preload(wheel, "logflux", "0.2.0");
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, read from never, answered never
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/legacy/";

            // The default read bound is minutes; each check here may take the 1 s wait at most.
            assertThatThrownBy(() -> waiter(PackageIndex.resolve(url, null, null)).await(
                    ReleaseFile.readRelease(List.of(wheel)), Duration.ofSeconds(1), Duration.ofMillis(500),
                    Duration.ofMillis(500)))
                    .hasMessageStartingWith("After 1 s, " + url + " still does not serve ");
            assertThat(held).as("the checks reached the silent index").isNotEmpty();
        }
    }
}
