package io.logflux.release.rehearsal;

import io.logflux.release.http.Sleeper;
import io.logflux.release.publish.ReleaseFile;
import io.logflux.release.publish.UploadForm;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rehearsal index itself (not the tests' decorator, which buffers bodies) under request floods, each crafted here
 * and streamed as it is written: every one ends in the limit's refusal or a closed connection, leaves no file in the
 * index's incoming or packages directories, and the index answers a normal upload afterwards. Memory figures at a
 * small heap: bench/rehearsal-floods.sh.
 */
class RehearsalFloodsTest {
    private static final String PYRAMID_413 = "HTTP/1.1 413 Request Entity Too Large";
    private static final long ONE_MIB = 1 << 20;

    private final Path wheel = SampleBuild.shared().wheel();
    private final String token = FakeTokens.pypi();
    private final OkHttpClient client = new OkHttpClient();

    @TempDir
    Path dir;
    private RehearsalIndex index;

    @AfterEach
    void stop() {
        client.connectionPool().evictAll();
        if (index != null) {
            index.close();
        }
    }

    private RehearsalIndex start(ConnectionLimits connections) {
        index = RehearsalIndex.start(dir, connections).acceptToken(token);
        return index;
    }

    private RehearsalIndex start() {
        return start(ConnectionLimits.DEFAULT);
    }

    private List<Map.Entry<String, String>> form() {
        ReleaseFile release = ReleaseFile.read(wheel);
        return new ArrayList<>(UploadForm.of(wheel.getFileName().toString(), release.metadata(), release.digests())
                .fields());
    }

    /** The flood's body: the parts given, in order, then {@code endless} forever (when not null). */
    private static Supplier<byte[]> body(List<byte[]> parts, byte[] endless) {
        AtomicInteger next = new AtomicInteger();
        return () -> next.get() < parts.size() ? parts.get(next.getAndIncrement()) : endless;
    }

    private RawUpload raw(long contentLength) throws IOException {
        return new RawUpload(index.uploadUrl(), token, contentLength);
    }

    /** No file anywhere under the index's directory once the request is over (bounded wait, then the verdict). */
    private void assertNoFilesLeft() throws IOException {
        for (int poll = 0; poll < 500 && filesUnder(dir) > 0; poll++) {
            Sleeper.REAL.sleep(Duration.ofMillis(10));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private static long filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** A normal upload of the sample wheel is answered 200 (stored, or identical to the one stored). */
    private void assertStillServes() throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        form().forEach(f -> body.addFormDataPart(f.getKey(), f.getValue()));
        body.addFormDataPart("content", wheel.getFileName().toString(),
                RequestBody.create(Files.readAllBytes(wheel), MediaType.get("application/octet-stream")));
        Request request = new Request.Builder().url(index.uploadUrl()).post(body.build())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("__token__:" + token)
                        .getBytes()))
                .build();
        try (Response response = client.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(index.files()).extracting(StoredFile::filename).containsExactly(wheel.getFileName().toString());
    }

    @Test
    void manyLargeFieldsStopAtTheTextBudget() throws Exception {
        start();
        byte[] value = new byte[(int) ONE_MIB - 64];
        Arrays.fill(value, (byte) 'a');
        AtomicInteger sent = new AtomicInteger();
        // 6,000 fields of (almost) 1 MiB each: 6 GB if the index kept them. Each is a head, a value, a line break.
        Supplier<byte[]> flood = () -> {
            int n = sent.getAndIncrement();
            if (n >= 6000 * 3) {
                return null;
            }
            return switch (n % 3) {
                case 0 -> RawUpload.ascii("--" + RawUpload.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f"
                        + n + "\"\r\n\r\n");
                case 1 -> value;
                default -> RawUpload.ascii("\r\n");
            };
        };

        String answer;
        try (RawUpload upload = raw(-1)) {
            answer = upload.flood(flood);
        }

        assertThat(answer).startsWith(PYRAMID_413).contains("The upload's text fields are larger than 16777216 "
                + "bytes together.");
        assertThat(sent.get() / 3).isLessThan(100);
        assertNoFilesLeft();
        assertStillServes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void oneEndlessFieldStopsAtTheFieldLimit() throws Exception {
        start();
        try (RawUpload upload = raw(-1)) {
            String answer = upload.flood(body(List.of(RawUpload.ascii("--" + RawUpload.BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n")), RawUpload.ZEROS));

            assertThat(answer).startsWith(PYRAMID_413).contains("Form field 'description' is larger than 1048576 "
                    + "bytes.");
        }
        assertStillServes();
    }

    @Test
    void tooManyFieldsStopAtTheCount() throws Exception {
        start();
        AtomicInteger sent = new AtomicInteger();
        try (RawUpload upload = raw(-1)) {
            String answer = upload.flood(() -> RawUpload.field("classifiers", "c" + sent.getAndIncrement()));

            assertThat(answer).startsWith(PYRAMID_413).contains("The upload has more than 1000 form fields.");
        }
        assertStillServes();
    }

    @Test
    void anEndlessPartHeaderLineStopsAtTheHeaderLimit() throws Exception {
        start();
        try (RawUpload upload = raw(-1)) {
            String answer = upload.flood(body(List.of(RawUpload.ascii("--" + RawUpload.BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\"")), RawUpload.ascii("x".repeat(8192))));

            assertThat(answer).startsWith(PYRAMID_413).contains("A part's headers are longer than 512 bytes.");
        }
        assertStillServes();
    }

    @Test
    void endlessPartHeaderLinesStopAtTheHeaderLimit() throws Exception {
        start();
        try (RawUpload upload = raw(-1)) {
            String answer = upload.flood(body(List.of(RawUpload.ascii("--" + RawUpload.BOUNDARY + "\r\n")),
                    RawUpload.ascii("X-Flood: 1\r\n")));

            assertThat(answer).startsWith(PYRAMID_413).contains("A part's headers are longer than 512 bytes.");
        }
        assertStillServes();
    }

    @Test
    void anEndlessFileIsRefusedAtItsLimitAndLeavesNoFile() throws Exception {
        start().maxFileBytes(ONE_MIB);
        try (RawUpload upload = raw(-1)) {
            String answer = upload.flood(body(List.of(RawUpload.fields(form()),
                    RawUpload.fileHead("content", wheel.getFileName().toString())), RawUpload.ZEROS));

            // legacy.py L1149-L1164: checked as the file is read.
            assertThat(answer).startsWith("HTTP/1.1 400 File too large. Limit for project 'logflux' is 1 MB. See "
                    + "https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-increase "
                    + "for more information.");
        }
        assertNoFilesLeft();
        assertStillServes();
    }

    @Test
    void anEndlessFileWithoutCredentialsIsRefusedAsWarehouseWould() throws Exception {
        start().maxFileBytes(ONE_MIB);
        try (RawUpload upload = new RawUpload(index.uploadUrl(), null, -1)) {
            String answer = upload.flood(body(List.of(RawUpload.fields(form()),
                    RawUpload.fileHead("content", wheel.getFileName().toString())), RawUpload.ZEROS));

            // decorators.py L90-L103: who sends it is checked before the file.
            assertThat(answer).startsWith("HTTP/1.1 403 Invalid or non-existent authentication information.");
        }
        assertNoFilesLeft();
        assertStillServes();
    }

    @Test
    void filesPastTheWholeBodyLimitAreRefusedAndRemoved() throws Exception {
        start().maxFileBytes(ONE_MIB);
        AtomicInteger files = new AtomicInteger();
        byte[] file = concat(RawUpload.fileHead("content", wheel.getFileName().toString()), new byte[(int) ONE_MIB]);
        try (RawUpload upload = raw(-1)) {
            // Each file within its limit, together over the body's.
            String answer = upload.flood(() -> {
                files.incrementAndGet();
                return concat(file, RawUpload.ascii("\r\n"));
            });

            assertThat(answer).startsWith(PYRAMID_413).contains("The upload is larger than the "
                    + FormLimits.forFiles(ONE_MIB).maxBodyBytes() + " bytes the index accepts.");
        }
        assertThat(files.get()).isLessThan(40);
        assertNoFilesLeft();
        assertStillServes();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        start().maxFileBytes(ONE_MIB);
        try (RawUpload upload = raw(1L << 40)) {
            assertThat(upload.answer()).startsWith(PYRAMID_413).contains("The upload is larger than the");
        }
        assertStillServes();
    }

    @Test
    void aBodyCutOffInsideTheFileLeavesNoFile() throws Exception {
        start();
        try (RawUpload upload = raw(10 * ONE_MIB)) {
            upload.write(RawUpload.fields(form()));
            upload.write(RawUpload.fileHead("content", wheel.getFileName().toString()));
            for (int i = 0; i < 16; i++) {
                upload.write(RawUpload.ZEROS);
            }
            upload.cutOff();

            assertThat(upload.answer()).isEmpty();
        }
        assertNoFilesLeft();
        assertStillServes();
    }

    @Test
    void aChunkedBodyCutOffInsideTheFileLeavesNoFile() throws Exception {
        start();
        try (RawUpload upload = raw(-1)) {
            upload.write(RawUpload.fields(form()));
            upload.write(RawUpload.fileHead("content", wheel.getFileName().toString()));
            upload.write(RawUpload.ZEROS);
            upload.finish();

            // The body ends without its closing delimiter: a malformed form, no answer.
            assertThat(upload.answer()).isEmpty();
        }
        assertNoFilesLeft();
        assertStillServes();
    }

    @Test
    void aBodyCutOffInsideAPartHeaderLeavesNothing() throws Exception {
        start();
        try (RawUpload upload = raw(ONE_MIB)) {
            upload.write(RawUpload.fields(form()));
            upload.write(RawUpload.ascii("--" + RawUpload.BOUNDARY + "\r\nContent-Disposition: form-da"));
            upload.cutOff();

            assertThat(upload.answer()).isEmpty();
        }
        assertNoFilesLeft();
        assertStillServes();
    }

    @Test
    void anEndlessBodyElsewhereIsAnsweredWithoutBeingRead() throws Exception {
        start();
        try (RawUpload upload = new RawUpload(index.baseUrl() + "somewhere/", token, -1)) {
            // At most 64 KiB of a body no handler reads are dropped to keep the connection; past that it closes.
            assertThat(upload.flood(() -> RawUpload.ZEROS)).startsWith("HTTP/1.1 405 ");
        }
        assertStillServes();
    }

    @Test
    void aSilentConnectionIsClosed() throws Exception {
        start(new ConnectionLimits(Duration.ofMillis(200), Duration.ofMillis(200), 2));
        try (RawUpload upload = raw(ONE_MIB)) {
            // The request head was sent, then nothing: the connection is closed unanswered, not kept with a thread.
            assertThat(upload.answer()).isEmpty();
        }
        assertStillServes();
    }

    @Test
    void stalledUploadsAreClosedAndLeaveNoFile() throws Exception {
        start(new ConnectionLimits(Duration.ofMillis(300), Duration.ofMillis(300), 2));
        List<RawUpload> stalled = new ArrayList<>();
        try {
            // More stalled uploads than worker threads, each with a file begun.
            for (int i = 0; i < 4; i++) {
                RawUpload upload = raw(10 * ONE_MIB);
                upload.write(RawUpload.fields(form()));
                upload.write(RawUpload.fileHead("content", wheel.getFileName().toString()));
                upload.write(RawUpload.ZEROS);
                stalled.add(upload);
            }
            for (RawUpload upload : stalled) {
                assertThat(upload.answer()).isEmpty();
            }
        } finally {
            for (RawUpload upload : stalled) {
                upload.close();
            }
        }
        assertNoFilesLeft();
        assertStillServes();
    }

    @Test
    void connectionsPastTheLimitWaitUntilOneCloses() throws Exception {
        start(new ConnectionLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 2, 2));
        int port = URI.create(index.baseUrl()).getPort();
        byte[] request = RawUpload.ascii("GET /simple/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
            // Two idle connections hold the limit; their request is proof that the index has taken both.
            for (Socket held : List.of(first, second)) {
                held.setSoTimeout(20_000);
                held.getOutputStream().write(RawUpload.ascii("GET /simple/ HTTP/1.1\r\nHost: x\r\n\r\n"));
                assertThat(readHead(held)).startsWith("HTTP/1.1 200 ");
            }
            try (Socket third = new Socket("127.0.0.1", port)) {
                third.getOutputStream().write(request);
                third.setSoTimeout(500);
                assertThatThrownBy(() -> third.getInputStream().read())
                        .as("not served while two connections are open").isInstanceOf(SocketTimeoutException.class);

                second.close();
                third.setSoTimeout(20_000);

                assertThat(new String(third.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                        .startsWith("HTTP/1.1 200 ");
            }
        }
        assertStillServes();
    }

    /** The status line and headers of one answer on a kept-alive connection, and its body up to Content-Length. */
    private static String readHead(Socket socket) throws IOException {
        java.io.InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)")
                .matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    @Test
    void aRequestHeadThatNeverEndsIsClosed() throws Exception {
        start(new ConnectionLimits(Duration.ofSeconds(30), Duration.ofMillis(200), 2));
        try (Socket socket = new Socket("127.0.0.1", URI.create(index.baseUrl()).getPort())) {
            // A guard: the idle timeout is 30 s, the parse timeout's 200 ms close the connection first.
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(RawUpload.ascii("POST /legacy/ HTTP/1.1\r\nHost: x\r\nX-Slow: "));

            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
        assertStillServes();
    }
}
