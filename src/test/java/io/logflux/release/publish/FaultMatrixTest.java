package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Sleeper;

import io.logflux.release.ReleaseException;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.Fault;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.PlainHttpPort;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rows of the fault matrix (docs/reliability.md) that PublisherTest's per-fault test does not cover: DNS and TLS
 * failures, a build aborted mid-upload, and a file rewritten during the run. Each ends with a clear error and a state
 * a re-run finishes, or with exactly one stored copy.
 */
class FaultMatrixTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void keepTheLog() {
        Captured.record(getClass().getSimpleName(), String.join("\n", log));
        assertThat(String.join("\n", log)).doesNotContain(server.token());
    }

    private Publisher publisher(String url, HttpSettings settings, Sleeper sleeper) {
        return new Publisher(PackageIndex.resolve(url, null, null), IndexCredentials.token(server.token(),
                "credentials 'pypi-token'"), settings, PublishOptions.defaults(), sleeper, log::add);
    }

    private static HttpSettings fast() {
        return HttpSettings.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(10)).withAttempts(2);
    }

    @Test
    void aHostThatDoesNotResolveIsUnreachableAndNamed() {
        IndexUnreachableException e = catchThrowableOfType(IndexUnreachableException.class, () ->
                publisher("https://upload.logflux-nonexistent.invalid/legacy/", fast(), d -> { })
                        .publish(List.of(SampleBuild.shared().wheel())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Cannot reach the upload URL of "
                + "https://upload.logflux-nonexistent.invalid/legacy/ after 2 attempts: UnknownHostException");
    }

    @Test
    void aTlsFailureIsUnreachableAndNamed() throws Exception {
        try (PlainHttpPort plain = new PlainHttpPort()) {
            String https = "https://127.0.0.1:" + plain.port() + "/legacy/";

            IndexUnreachableException e = catchThrowableOfType(IndexUnreachableException.class, () ->
                    publisher(https, fast(), d -> { }).publish(List.of(SampleBuild.shared().wheel())));

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).startsWith("Cannot reach the upload URL of " + https + " after 2 attempts: SSL");
        }
    }

    @Test
    void anAbortedBuildStopsWithoutASecondSendAndTheRerunFinishes() throws Exception {
        TestIndex index = server.index();
        index.failNextUploads(Fault.STALL).stallMillis(5_000);
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Throwable> aborted = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                publisher(index.uploadUrl(), HttpSettings.defaults().withBackoff(Duration.ofMillis(5),
                        Duration.ofMillis(10)), Sleeper.REAL).publish(List.of(SampleBuild.shared().wheel()));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (index.uploadRequests() == 0) {
            Thread.sleep(20);
        }
        worker.get().interrupt();

        Throwable failure = aborted.get(30, TimeUnit.SECONDS);
        PublishReport rerun = publisher(index.uploadUrl(), HttpSettings.defaults(), d -> { })
                .publish(List.of(SampleBuild.shared().wheel()));

        assertThat(failure).isInstanceOf(ReleaseException.class);
        assertThat(failure.getMessage()).contains("Interrupted");
        assertThat(rerun.uploaded()).hasSize(1);
        assertThat(index.writes(SampleBuild.shared().wheel().getFileName().toString())).isEqualTo(1);
    }

    @Test
    void aFileRewrittenDuringTheRunIsRefusedBeforeItIsSentAgain() throws Exception {
        Path wheel = Files.copy(SampleBuild.shared().wheel(), dir.resolve(SampleBuild.shared().wheel().getFileName()));
        server.index().failNextUploads(Fault.STATUS_503);
        Sleeper rewriteDuringBackoff = d -> {
            try {
                Files.write(wheel, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        };

        ReleaseException e = catchThrowableOfType(ReleaseException.class, () ->
                publisher(server.index().uploadUrl(), fast(), rewriteDuringBackoff).publish(List.of(wheel)));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(wheel.getFileName() + " changed while it was being published")
                .contains("rebuild, then run again");
        assertThat(server.index().files()).isEmpty();
        assertThat(server.index().uploadRequests()).isEqualTo(1);
    }
}
