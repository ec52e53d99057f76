package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.testing.SampleBuild;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The layouts of an upload body on the wire, and where a failed gate cuts one off. */
class UploadBodyTest {
    private final Path wheel = SampleBuild.shared().wheel();
    private final DistFile dist = DistFile.readRelease(List.of(wheel)).get(0);
    private final FileSnapshot snapshot = FileSnapshot.of(wheel);

    /** A file hashed as it is sent (no digest pass), as on an index that takes the sha256 after the file. */
    private OutgoingFile outgoing(CompletableFuture<?> checkPassed) {
        return new OutgoingFile(dist, snapshot.digests().size(), snapshot.modified(), new CompletableFuture<>(), true,
                checkPassed);
    }

    private static String written(RequestBody body, Buffer sink) {
        return sink.readString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void digestFirstSendsTheSha256BeforeTheFile() throws Exception {
        RequestBody body = UploadBody.digestFirst(UploadForm.of(dist.fileName(), dist.metadata(), snapshot.digests()),
                wheel, snapshot.digests().size(), null);
        Buffer sink = new Buffer();
        body.writeTo(sink);
        String text = written(body, sink);

        assertThat(text.indexOf("name=\"sha256_digest\"")).isPositive().isLessThan(text.indexOf("name=\"content\""));
    }

    @Test
    void digestLastSendsTheSha256AfterTheFileOnceTheGateOpens() throws Exception {
        OutgoingFile file = outgoing(CompletableFuture.completedFuture(null));
        RequestBody body = UploadBody.streaming(UploadForm.describing(dist.fileName(), dist.metadata()),
                wheel, file.size(), null, file.gate(), BodyLayout.DIGEST_LAST);
        Buffer sink = new Buffer();
        body.writeTo(sink);
        long length = sink.size();
        String text = written(body, sink);

        assertThat(text.indexOf("name=\"content\"")).isPositive().isLessThan(text.indexOf("name=\"sha256_digest\""));
        assertThat(text).contains(snapshot.digests().sha256())
                .endsWith("--" + ((MultipartBody) body).boundary() + "--\r\n");
        assertThat(body.contentLength()).isEqualTo(length);
        // The body's own hash of what it sent is the file's from now on: no other pass was asked for it.
        assertThat(file.snapshotFuture()).isCompletedWithValueMatching(s -> s.digests().equals(snapshot.digests()));
    }

    @Test
    void aDigestPassThatSawOtherBytesOfTheSameSizeCutsTheBodyOffBeforeItsDigest() {
        FileSnapshot other = new FileSnapshot(wheel, new FileDigests("0".repeat(64), snapshot.digests().size()),
                snapshot.modified());
        OutgoingFile file = new OutgoingFile(dist, snapshot.digests().size(), snapshot.modified(),
                CompletableFuture.completedFuture(other), false, CompletableFuture.completedFuture(null));
        RequestBody body = UploadBody.streaming(UploadForm.describing(dist.fileName(), dist.metadata()),
                wheel, file.size(), null, file.gate(), BodyLayout.DIGEST_LAST);
        Buffer sink = new Buffer();

        assertThat(catchThrowableOfType(UploadGate.StoppedException.class, () -> body.writeTo(sink))).isNotNull();
        assertThat(file.gate().stopReason()).get().extracting(Throwable::getMessage).asString()
                .contains(dist.fileName() + " changed while it was being published");
        assertThat(sink.readString(StandardCharsets.ISO_8859_1)).doesNotContain(snapshot.digests().sha256())
                .doesNotContain("--" + ((MultipartBody) body).boundary() + "--");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // join() cannot be interrupted
    void aFileHashedWhenSentWhoseUploadNeverGotToItsEndIsHashedWhenAskedFor() {
        OutgoingFile file = outgoing(CompletableFuture.completedFuture(null));

        assertThat(file.digests()).isEqualTo(snapshot.digests());
    }

    @Test
    void aFailedCheckCutsTheBodyOffBeforeTheDigestsValueAndTheFinalBoundary() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new ReleaseException("check found problems"));
        OutgoingFile file = outgoing(failed);
        RequestBody body = UploadBody.streaming(UploadForm.describing(dist.fileName(), dist.metadata()),
                wheel, file.size(), null, file.gate(), BodyLayout.DIGEST_LAST);
        Buffer sink = new Buffer();

        UploadGate.StoppedException e = catchThrowableOfType(UploadGate.StoppedException.class,
                () -> body.writeTo(sink));

        assertThat(e).isNotNull();
        assertThat(file.gate().stopReason()).get().extracting(Throwable::getMessage).isEqualTo("check found problems");
        String text = sink.readString(StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain(snapshot.digests().sha256())
                .doesNotContain("--" + ((MultipartBody) body).boundary() + "--");
    }

    @Test
    void actionLastSendsTheActionAfterTheSha256AndNowhereElse() throws Exception {
        OutgoingFile file = outgoing(CompletableFuture.completedFuture(null));
        RequestBody body = UploadBody.streaming(UploadForm.describing(dist.fileName(), dist.metadata()),
                wheel, file.size(), null, file.gate(), BodyLayout.ACTION_LAST);
        Buffer sink = new Buffer();
        body.writeTo(sink);
        long length = sink.size();
        String text = written(body, sink);

        int action = text.indexOf("name=\":action\"");
        assertThat(text.indexOf("name=\"content\"")).isPositive().isLessThan(text.indexOf("name=\"sha256_digest\""));
        assertThat(text.indexOf("name=\"sha256_digest\"")).isLessThan(action);
        assertThat(text.lastIndexOf("name=\":action\"")).as("one action only").isEqualTo(action);
        assertThat(text.substring(action)).contains("\r\n\r\nfile_upload\r\n--" + ((MultipartBody) body).boundary()
                + "--\r\n");
        assertThat(body.contentLength()).isEqualTo(length);
    }

    @Test
    void aFailedCheckCutsAnActionLastBodyOffBeforeTheAction() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new ReleaseException("check found problems"));
        OutgoingFile file = outgoing(failed);
        RequestBody body = UploadBody.streaming(UploadForm.describing(dist.fileName(), dist.metadata()),
                wheel, file.size(), null, file.gate(), BodyLayout.ACTION_LAST);
        Buffer sink = new Buffer();

        assertThat(catchThrowableOfType(UploadGate.StoppedException.class, () -> body.writeTo(sink))).isNotNull();
        String text = sink.readString(StandardCharsets.ISO_8859_1);
        assertThat(text).contains("name=\"content\"").doesNotContain(":action")
                .doesNotContain(snapshot.digests().sha256());
    }
}
