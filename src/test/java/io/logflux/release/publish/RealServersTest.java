package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Sleeper;

import io.logflux.release.ReleaseException;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.Fault;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import io.logflux.release.testing.WireServer;
import io.logflux.release.testing.WireServer.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Publish, re-run, conflict, wrong token and install check through real Python WSGI servers, each with the connection
 * habit of a kind of real index: HTTP/1.0 (wsgiref, Paste: pypiserver's default servers), a close after every answer
 * without saying so, "Connection: close" (gunicorn), and keep-alive with an idle timeout (gunicorn's gthread worker,
 * waitress). None of them may cost a retry, a wait or a second copy.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RealServersTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path wheel = SampleBuild.shared().wheel();
    final Path sdist = SampleBuild.shared().sdist();

    @TempDir
    Path dir;
    TestIndex index;
    String token;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void useTheIndex() {
        index = server.index();
        token = server.token();
    }

    @AfterEach
    void searchTheLogForTheToken() {
        String output = String.join("\n", log);
        Captured.record(getClass().getSimpleName(), output);
        assertThat(output).doesNotContain(token);
    }

    private Publisher publisher(PackageIndex target, String secret, Sleeper sleeper) {
        return new Publisher(target, IndexCredentials.token(secret, "credentials 'index-token'"),
                HttpSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)),
                PublishOptions.defaults(), sleeper, log::add);
    }

    private ReleaseException refusal(Publisher publisher, Path... files) {
        ReleaseException e = catchThrowableOfType(ReleaseException.class, () -> publisher.publish(List.of(files)));
        assertThat(e).as("the publish should have been refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain(token);
        return e;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void publishRerunConflictWrongTokenAndInstallCheckWork(Kind kind) throws Exception {
        try (WireServer wire = WireServer.start(kind, index.baseUrl())) {
            PackageIndex target = PackageIndex.resolve(wire.uploadUrl(), null, null);

            PublishReport first = publisher(target, token, sleeps::add).publish(List.of(wheel, sdist));

            assertThat(first.uploaded()).as(wire.log()).hasSize(2);
            assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
            assertThat(index.writes(sdist.getFileName().toString())).isEqualTo(1);
            assertThat(sleeps).as("no request needed a retry").isEmpty();
            if (kind == Kind.WSGIREF_HTTP11) {
                // Every kept connection is dead by the next request: the upload meets one, is looked for, re-sent.
                assertThat(log).anyMatch(line -> line.contains("failed before any answer: the server had closed the "
                        + "kept-alive connection"));
            }
            if (kind == Kind.WSGIREF || kind == Kind.PASTE || kind == Kind.GUNICORN) {
                // HTTP/1.0 answers and "Connection: close" end their connection: none is reused, none goes stale.
                assertThat(log).noneMatch(line -> line.contains("failed before any answer"));
            }
            int uploadsSoFar = index.uploadRequests();

            PublishReport rerun = publisher(target, token, sleeps::add).publish(List.of(wheel, sdist));

            assertThat(rerun.uploaded()).isEmpty();
            assertThat(rerun.skipped()).hasSize(2);
            assertThat(index.uploadRequests()).as("nothing sent twice").isEqualTo(uploadsSoFar);

            Path other = ArchiveEditor.sameNameOtherBytes(wheel, dir);
            String held = index.files().stream().filter(f -> f.filename().equals(wheel.getFileName().toString()))
                    .findFirst().orElseThrow().sha256();

            ReleaseException conflict = refusal(publisher(target, token, sleeps::add), other);

            assertThat(conflict.reason()).isEqualTo("conflict");
            assertThat(conflict.getMessage()).startsWith("File already exists: " + wheel.getFileName() + " is on "
                    + target.describe() + " with different content").contains("Increment version number.");
            assertThat(index.files().stream().filter(f -> f.filename().equals(wheel.getFileName().toString())))
                    .singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(held));

            ReleaseException wrongToken = refusal(publisher(target, FakeTokens.pypi(), sleeps::add), wheel);

            assertThat(wrongToken.reason()).isEqualTo("token");
            assertThat(wrongToken.getMessage()).startsWith("The token check before uploading to " + target.describe()
                    + " was refused: HTTP 403").contains("credentials 'index-token'").endsWith("Nothing was uploaded.");

            InstallReport installed = new InstallVerifier(log::add, sleeps::add).verify(target,
                    ReleaseFile.readRelease(List.of(wheel, sdist)),
                    InstallCheck.defaults().withPython(DebianPython.executable()).withRetries(2, Duration.ofSeconds(7)));

            assertThat(installed.indexUrl()).startsWith(wire.baseUrl());
            assertThat(installed.importedVersion()).isEqualTo("0.2.0");
            assertThat(sleeps).isEmpty();
            assertThat(wire.log()).doesNotContain("Traceback");
        }
    }

    /**
     * Not through wsgiref answering HTTP/1.1: twine itself fails there (urllib3 sends the second upload on the closed
     * connection and does not retry a POST: "Remote end closed connection without response"), which our publish
     * survives (the test above).
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "WSGIREF_HTTP11")
    void twineUploadsThroughTheSameServerAndOurRerunSkipsWhatItSent(Kind kind) {
        try (WireServer wire = WireServer.start(kind, index.baseUrl())) {
            DebianPython.Result twine = DebianPython.run(dir, Map.of("TWINE_USERNAME", "__token__", "TWINE_PASSWORD",
                    token, "COLUMNS", "1000"), "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar",
                    "--repository-url", wire.uploadUrl(), wheel.toString(), sdist.toString());
            Captured.record(getClass().getSimpleName(), twine.output());

            assertThat(twine.status()).as(twine.output() + wire.log()).isZero();

            PublishReport ours = publisher(PackageIndex.resolve(wire.uploadUrl(), null, null), token, sleeps::add)
                    .publish(List.of(wheel, sdist));

            assertThat(ours.skipped()).hasSize(2);
            assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
            assertThat(sleeps).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"GUNICORN_IDLE", "WAITRESS"})
    void aConnectionTheServerClosedWhileIdleIsReplacedWithoutARetryOfItsOwn(Kind kind) {
        try (WireServer wire = WireServer.start(kind, index.baseUrl())) {
            PackageIndex target = PackageIndex.resolve(wire.uploadUrl(), null, null);
            index.failNextUploads(Fault.STATUS_503);
            // The one wait (the 503's backoff) really passes, and lasts longer than the server keeps an idle
            // connection (1 s): the listing that follows it starts on a connection the server has closed.
            Sleeper longerThanTheIdleTimeout = wait -> {
                sleeps.add(wait);
                Sleeper.REAL.sleep(Duration.ofSeconds(3));
            };

            PublishReport report = publisher(target, token, longerThanTheIdleTimeout).publish(List.of(wheel));

            assertThat(report.uploaded()).hasSize(1);
            assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
            assertThat(sleeps).as("only the 503 was waited for; the stale connection cost no retry").hasSize(1);
        }
    }

    /**
     * pypiserver answers the simple page of a project it does not have with a redirect to its fallback index (PyPI by
     * default; index_server.py cites the line), so a project's first release meets it before its upload. That server
     * is another index: it is neither asked nor given the token, and the release goes through.
     */
    @ParameterizedTest
    @CsvSource({"WAITRESS, false, 303", "WSGIREF, true, 302"})
    void aRedirectToPypiserversFallbackIndexMeansNotHereAndTheFallbackIsNeverAsked(Kind kind, boolean always302,
                                                                                     int status) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer fallback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fallback.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        fallback.start();
        String fallbackOrigin = "http://127.0.0.1:" + fallback.getAddress().getPort();
        try (WireServer wire = WireServer.start(kind, index.baseUrl(), fallbackOrigin + "/simple/", always302)) {
            PackageIndex target = PackageIndex.resolve(wire.uploadUrl(), null, null);

            PublishReport report = publisher(target, token, sleeps::add).publish(List.of(wheel, sdist));

            assertThat(report.uploaded()).as(String.join("\n", log)).hasSize(2);
            assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
            assertThat(asked).as("the fallback index was asked nothing").hasValue(0);
            assertThat(log).filteredOn(line -> line.contains("redirects (HTTP " + status + ") to another server, "
                    + fallbackOrigin + ": taken as not "
                    + "on " + target.describe())).hasSize(1);
            assertThat(sleeps).isEmpty();
        } finally {
            fallback.stop(0);
        }
    }
}
