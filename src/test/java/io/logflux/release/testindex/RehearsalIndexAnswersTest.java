package io.logflux.release.testindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.publish.ReleaseFile;
import io.logflux.release.rehearsal.ContentDigests;
import io.logflux.release.publish.UploadForm;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each answer of the test index's upload endpoint against the warehouse line it mirrors (warehouse 6b62157,
 * warehouse/forklift/legacy.py as "L", shared/reference/pypi-protocol.md §1.3 and warehouse-2026.md): status and the
 * status line warehouse sends (in the JSON body's {@code code}, Pyramid's rendering; see WarehouseAnswersTest).
 */
class RehearsalIndexAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path wheel = SampleBuild.shared().wheel();
    final Path sdist = SampleBuild.shared().sdist();
    final OkHttpClient client = new OkHttpClient();

    @TempDir
    Path dir;
    TestIndex index;

    private record Answer(int status, String code, String body) {
    }

    @BeforeEach
    void useTheIndex() {
        index = server.index();
    }

    @AfterEach
    void closeClient() {
        client.connectionPool().evictAll();
    }

    private static List<Map.Entry<String, String>> form(Path file) {
        ReleaseFile release = ReleaseFile.read(file);
        return new ArrayList<>(UploadForm.of(file.getFileName().toString(), release.metadata(), release.digests())
                .fields());
    }

    private static UnaryOperator<List<Map.Entry<String, String>>> without(String field) {
        return fields -> {
            fields.removeIf(f -> f.getKey().equals(field));
            return fields;
        };
    }

    private static UnaryOperator<List<Map.Entry<String, String>>> with(String field, String value) {
        return fields -> {
            fields.removeIf(f -> f.getKey().equals(field));
            fields.add(Map.entry(field, value));
            return fields;
        };
    }

    private Answer upload(String user, String secret, Path file, String fileName,
                          UnaryOperator<List<Map.Entry<String, String>>> change) throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> field : change.apply(form(file))) {
            body.addFormDataPart(field.getKey(), field.getValue());
        }
        if (fileName != null) {
            body.addFormDataPart("content", fileName, RequestBody.create(Files.readAllBytes(file), OCTET_STREAM));
        }
        Request.Builder request = new Request.Builder().url(index.uploadUrl()).post(body.build())
                .header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                    .getBytes()));
        }
        try (Response response = client.newCall(request.build()).execute()) {
            String text = response.body().string();
            String code = text.startsWith("{") ? JSON.readTree(text).path("code").asText() : "";
            return new Answer(response.code(), code, text);
        }
    }

    private Answer upload(Path file, UnaryOperator<List<Map.Entry<String, String>>> change) throws IOException {
        return upload("__token__", server.token(), file, file.getFileName().toString(), change);
    }

    @Test
    void noCredentials() throws IOException {
        // decorators.py L90-L103: request.identity is None.
        assertThat(upload(null, null, wheel, wheel.getFileName().toString(), UnaryOperator.identity()).code())
                .isEqualTo("403 Invalid or non-existent authentication information. See "
                        + "https://pypi.org/help/#invalid-auth for more information.");
    }

    @Test
    void anUnknownToken() throws IOException {
        // decorators.py L90-L103: the macaroon is not found, so there is no identity.
        assertThat(upload("__token__", FakeTokens.pypi(), wheel, wheel.getFileName().toString(),
                UnaryOperator.identity()).code()).startsWith("403 Invalid or non-existent authentication information.");
    }

    @Test
    void aUserNameAndPassword() throws IOException {
        // pypi-protocol.md §1.1: basic auth with a user name is refused since 2024.
        assertThat(upload("alice", "hunter2", wheel, wheel.getFileName().toString(), UnaryOperator.identity())
                .code()).startsWith("403 Username/Password authentication is no longer supported. Migrate to API "
                + "Tokens or Trusted Publishers instead.");
    }

    @Test
    void anUnknownProtocolVersion() throws IOException {
        // L650-L656.
        assertThat(upload(wheel, with("protocol_version", "2")).code()).isEqualTo("400 Unknown protocol version.");
    }

    @Test
    void noMetadataVersion() throws IOException {
        // L231, L659-L697: metadata_version is validated first, with the core-metadata help link.
        assertThat(upload(wheel, without("metadata_version")).code()).isEqualTo("400 '' is an invalid value for "
                + "Metadata-Version. Error: This field is required. See "
                + "https://packaging.python.org/specifications/core-metadata for more information.");
    }

    @Test
    void noDigest() throws IOException {
        // L659-L697: at least one digest.
        assertThat(upload(wheel, f -> without("blake2_256_digest").apply(without("sha256_digest").apply(
                without("md5_digest").apply(f)))).code()).isEqualTo("400 Error: Include at least one message digest.");
    }

    @Test
    void noFile() throws IOException {
        // L741-L744.
        assertThat(upload("__token__", server.token(), wheel, null, UnaryOperator.identity()).code())
                .isEqualTo("400 Upload payload does not have a file.");
    }

    @Test
    void aWrongExtension() throws IOException {
        // L243-L289, L1112-L1117.
        assertThat(upload("__token__", server.token(), wheel, "logflux-0.2.0-py3-none-any.zip",
                UnaryOperator.identity()).code()).startsWith("400 Invalid file extension: Use .tar.gz, .whl or .zip "
                + "extension.");
    }

    @Test
    void aDigestThatDoesNotMatch() throws IOException {
        // L1181-L1202: every digest sent is checked.
        assertThat(upload(wheel, with("sha256_digest", "0".repeat(64))).code())
                .isEqualTo("400 The digest supplied does not match a digest calculated from the uploaded file.");
    }

    @Test
    void aFileOverTheLimit() throws IOException {
        // L1128-L1175; warehouse/constants.py L3-L6 (100 MiB unless raised for the project).
        index.maxFileBytes(1024);
        assertThat(upload(wheel, UnaryOperator.identity()).code()).isEqualTo("400 File too large. Limit for project "
                + "'logflux' is 0 MB. See https://docs.pypi.org/project-management/storage-limits"
                + "#requesting-a-file-size-limit-increase for more information.");
    }

    @Test
    void aTokenScopedToAnotherProject() throws IOException {
        // L813-L844; warehouse/macaroons/caveats/__init__.py L52-L96: the caveat's reason after "Invalid API Token: ".
        String scoped = FakeTokens.pypi();
        index.acceptToken(scoped, "other-project");
        assertThat(upload("__token__", scoped, wheel, wheel.getFileName().toString(), UnaryOperator.identity())
                .code()).isEqualTo("403 Invalid API Token: project-scoped token is not valid for project: 'logflux'");
    }

    @Test
    void anIdenticalFileAgainIs200AndStoredOnce() throws IOException {
        // L483-L510 (_is_duplicate_file), L1205-L1224: same name, sha256 and blake2 -> HTTPOk, nothing recorded.
        assertThat(upload(wheel, UnaryOperator.identity()).status()).isEqualTo(200);
        Answer again = upload(wheel, UnaryOperator.identity());

        assertThat(again.status()).isEqualTo(200);
        // Pyramid's default page for an HTTPOk without body (WarehouseAnswersTest compares it with the real one).
        assertThat(again.body()).isEqualTo("{\"message\": \"\\n\\n\\n\\n\\n\", \"code\": \"200 OK\", \"title\": \"OK\"}");
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
    }

    @Test
    void otherBytesUnderAnExistingNameQuoteTheHashOfWhatWasSent() throws IOException {
        // L1205-L1224: the message's hash is file_hashes["blake2_256"], the upload's own (warehouse-2026.md).
        assertThat(upload(wheel, UnaryOperator.identity()).status()).isEqualTo(200);
        Path other = ArchiveEditor.sameNameOtherBytes(wheel, dir);
        String sentBlake2 = ContentDigests.of(other).blake2b256();

        Answer refused = upload(other, UnaryOperator.identity());

        assertThat(refused.code()).isEqualTo("400 File already exists ('" + wheel.getFileName() + "', with "
                + "blake2_256 hash '" + sentBlake2 + "'). See https://pypi.org/help/#file-name-reuse for more "
                + "information.");
        assertThat(sentBlake2).isNotEqualTo(index.files().get(0).blake2b256());
    }

    @Test
    void aSecondSdistForTheRelease() throws IOException {
        // L1262-L1275.
        assertThat(upload(sdist, UnaryOperator.identity()).status()).isEqualTo(200);
        // Another sdist of the same release (other bytes), sent under the .zip name the extension check allows.
        Files.createDirectories(dir.resolve("other"));
        Path other = ArchiveEditor.ofSdist(sdist).put("logflux-0.2.0/extra.txt", "x\n")
                .writeSdist(dir.resolve("other").resolve(sdist.getFileName()));

        Answer second = upload("__token__", server.token(), other, "logflux-0.2.0.zip", UnaryOperator.identity());

        assertThat(second.code()).isEqualTo("400 Only one sdist may be uploaded per release.");
    }

    @Test
    void theRefusalsBodyIsPyramidsJson() throws IOException {
        // warehouse/forklift/utils.py _exc_with_message + pyramid/httpexceptions.py: message, code, title.
        JsonNode body = JSON.readTree(upload(wheel, with("protocol_version", "2")).body());

        assertThat(body.get("title").asText()).isEqualTo("Bad Request");
        assertThat(body.get("message").asText()).isEqualTo("The server could not comply with the request since it "
                + "is either malformed or otherwise incorrect.\n\n\nUnknown protocol version.\n\n");
    }
}
