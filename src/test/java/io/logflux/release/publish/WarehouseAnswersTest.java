package io.logflux.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warehouse's refusals as the real Pyramid renders them (Debian's python3-pyramid, driven the way
 * warehouse/forklift/utils.py's _exc_with_message drives it: the message as the detail and in the status line): the
 * test index answers byte for byte the same body for every Accept header, and the client reads warehouse's message out
 * of each rendering, with the status line's reason (HTTP/1.1) and without it (HTTP/2 has none).
 */
class WarehouseAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** legacy.py, the duplicate check (pypi-protocol.md §1.3 step 17): the hash is the uploaded file's. */
    private static final String DUPLICATE = "File already exists ('logflux-0.2.0-py3-none-any.whl', with blake2_256 "
            + "hash '" + "ab".repeat(32) + "'). See https://pypi.org/help/#file-name-reuse for more information.";
    /** warehouse's refusal of unknown credentials (pypi-protocol.md §1.3 step 1). */
    private static final String INVALID_AUTH = "Invalid or non-existent authentication information. See "
            + "https://pypi.org/help/#invalid-auth for more information.";

    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();

    private record Rendered(int status, String reason, String contentType, String body) {
    }

    private static Rendered pyramid(int code, String message, String accept) throws Exception {
        Path script = Path.of(WarehouseAnswersTest.class.getResource("/calibration/pyramid_error.py").toURI());
        DebianPython.Result result = DebianPython.run(null, script.toString(), Integer.toString(code), message,
                accept);
        assertThat(result.status()).as(result.output()).isZero();
        JsonNode page = JSON.readTree(result.output());
        String status = page.get("status").asText();
        return new Rendered(Integer.parseInt(status.substring(0, 3)), status.substring(4),
                page.get("content_type").asText(), page.get("body").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "*/*", "", "text/plain",
            "application/json, text/html;q=0.1", "text/html;q=0.2, application/json"})
    void theTestIndexRendersARefusalAsPyramidDoes(String accept) throws Exception {
        TestIndex index = server.index();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(index.uploadUrl()))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("__token__:"
                        + FakeTokens.pypi()).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; "
                        + "name=\":action\"\r\n\r\nfile_upload\r\n--b--\r\n"));
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        HttpResponse<String> ours = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        Rendered real = pyramid(403, INVALID_AUTH, accept);

        assertThat(ours.statusCode()).isEqualTo(real.status());
        assertThat(reasonPhrase(index, accept)).as("the status line").isEqualTo(real.status() + " " + real.reason());
        assertThat(ours.headers().firstValue("Content-Type").orElse("")).startsWith(real.contentType());
        assertThat(ours.body()).isEqualTo(real.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "", "text/plain"})
    void theTestIndexAnswersAnIdenticalReuploadWithPyramidsOkPage(String accept) throws Exception {
        // legacy.py L1204-L1208: _is_duplicate_file is true -> request.tm.doom(); return HTTPOk().
        TestIndex index = server.index();
        Path wheel = io.logflux.release.testing.SampleBuild.shared().wheel();
        index.preload(wheel, "logflux", "0.2.0");
        ReleaseFile release = ReleaseFile.read(wheel);
        okhttp3.MultipartBody.Builder form = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM);
        UploadForm.of(wheel.getFileName().toString(), release.metadata(), release.digests()).fields()
                .forEach(f -> form.addFormDataPart(f.getKey(), f.getValue()));
        form.addFormDataPart("content", wheel.getFileName().toString(), okhttp3.RequestBody.create(
                java.nio.file.Files.readAllBytes(wheel), okhttp3.MediaType.get("application/octet-stream")));
        okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(index.uploadUrl()).post(form.build())
                .header("Authorization", okhttp3.Credentials.basic("__token__", server.token()));
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        Rendered real = pyramid(200, "", accept);
        try (okhttp3.Response ours = new okhttp3.OkHttpClient().newCall(request.build()).execute()) {
            assertThat(ours.code()).isEqualTo(200);
            assertThat(ours.message()).isEqualTo(real.reason());
            assertThat(String.valueOf(ours.header("Content-Type"))).startsWith(real.contentType());
            assertThat(ours.body().string()).isEqualTo(real.body());
        }
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
    }

    /** The status line as it came over the wire (java.net.http does not show the reason phrase). */
    private static String reasonPhrase(TestIndex index, String accept) throws Exception {
        URI upload = URI.create(index.uploadUrl());
        try (java.net.Socket socket = new java.net.Socket(upload.getHost(), upload.getPort())) {
            String body = "--b\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n--b--\r\n";
            String request = "POST " + upload.getPath() + " HTTP/1.1\r\nHost: " + upload.getHost() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length() + "\r\n"
                    + (accept.isEmpty() ? "" : "Accept: " + accept + "\r\n") + "Connection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            return line.substring("HTTP/1.1 ".length());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "text/plain"})
    void theClientReadsWarehousesMessageFromEveryRenderingWithOrWithoutAReasonPhrase(String accept) throws Exception {
        for (Rendered real : List.of(pyramid(400, DUPLICATE, accept), pyramid(403, INVALID_AUTH, accept))) {
            String message = real.status() == 400 ? DUPLICATE : INVALID_AUTH;

            assertThat(new HttpReply(real.status(), real.reason(), real.contentType(), real.body(), null, null)
                    .message()).as("HTTP/1.1").isEqualTo(message);
            assertThat(new HttpReply(real.status(), "", real.contentType(), real.body(), null, null).message())
                    .as("HTTP/2, no reason phrase").isEqualTo(message);
        }
    }

    @Test
    void aDuplicateSaysExistsWhateverTheRendering() throws Exception {
        for (String accept : List.of("application/json", "text/html")) {
            Rendered real = pyramid(400, DUPLICATE, accept);
            assertThat(UploadErrors.saysExists(new HttpReply(400, "", real.contentType(), real.body(), null, null)))
                    .isTrue();
        }
    }

    @Test
    void pypiserversBottlePageIsReadAsItsMessageWithoutCssOrEntities() throws Exception {
        // pypiserver answers through bottle (vendored; Debian's python3-bottle renders the same ERROR_PAGE_TEMPLATE).
        JsonNode answer = bottlePage("    bottle.abort(409, \"Package 'logflux-0.2.0.tar.gz' already exists!\\n\")");
        HttpReply reply = new HttpReply(409, answer.get("status").asText().substring(4), answer.get("type").asText(),
                answer.get("body").asText(), null, null);

        assertThat(answer.get("body").asText()).contains("<style").contains("&#039;");
        assertThat(reply.message()).isEqualTo("Package 'logflux-0.2.0.tar.gz' already exists!");
        assertThat(UploadErrors.saysExists(reply)).isTrue();
    }

    @Test
    void pypiserversBodylessRefusalSaysNothingRatherThanNone() throws Exception {
        // pypiserver's auth decorator (pypiserver/_app.py, class auth): `raise HTTPError(403)` for a wrong password;
        // bottle's ERROR_PAGE_TEMPLATE prints the missing body as "None".
        JsonNode answer = bottlePage("    raise bottle.HTTPError(403)");
        assertThat(answer.get("body").asText()).contains("<pre>None</pre>");

        HttpReply reply = new HttpReply(403, answer.get("status").asText().substring(4), answer.get("type").asText(),
                answer.get("body").asText(), null, null);

        assertThat(reply.message()).isEmpty();
    }

    @Test
    void pypiserversRefusalOfAFormWithoutItsActionIsReadFromItsPageAsSent() throws Exception {
        // pypiserver/_app.py update(), L205-L208: the answer to the second probe, a form without :action.
        JsonNode missingAction = bottlePage("    raise bottle.HTTPError(400, \"Missing ':action' field!\")");
        // file_upload(), L156-L157: the answer to the first probe, which has the action but no file.
        JsonNode missingContent = bottlePage("    raise bottle.HTTPError(400, \"Missing 'content' file-field!\")");
        HttpReply action = new HttpReply(400, missingAction.get("status").asText().substring(4),
                missingAction.get("type").asText(), missingAction.get("body").asText(), null, null);
        HttpReply content = new HttpReply(400, missingContent.get("status").asText().substring(4),
                missingContent.get("type").asText(), missingContent.get("body").asText(), null, null);

        assertThat(missingAction.get("body").asText()).contains("Missing &#039;:action&#039; field!");
        assertThat(TokenProbe.requiresAction(action)).isTrue();
        assertThat(action.message()).isEqualTo("Missing ':action' field!");
        assertThat(TokenProbe.requiresAction(content)).isFalse();
        assertThat(TokenProbe.requiresDigest(content)).isFalse();
        assertThat(TokenProbe.requiresAction(new HttpReply(404, "Not Found", "text/html",
                missingAction.get("body").asText(), null, null))).as("only a refusal of the form counts").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "text/plain"})
    void warehousesRefusalOfAFormWithoutADigestIsReadAsSentWithAndWithoutAReason(String accept) throws Exception {
        // forms.py, UploadForm.validate: the first probe's answer (pypi-protocol.md §1.3).
        Rendered real = pyramid(400, "Error: Include at least one message digest.", accept);

        assertThat(TokenProbe.requiresDigest(new HttpReply(400, real.reason(), real.contentType(), real.body(), null,
                null))).isTrue();
        assertThat(TokenProbe.requiresDigest(new HttpReply(400, "", real.contentType(), real.body(), null, null)))
                .as("HTTP/2: no reason phrase").isTrue();
        assertThat(TokenProbe.requiresAction(new HttpReply(400, real.reason(), real.contentType(), real.body(), null,
                null))).isFalse();
    }

    /** What Debian's bottle answers to a POST whose handler is {@code handlerBody}: status, type and body. */
    private static JsonNode bottlePage(String handlerBody) throws Exception {
        DebianPython.Result page = DebianPython.run(null, "-c", String.join("\n",
                "import bottle, json, wsgiref.util",
                "app = bottle.Bottle()",
                "@app.post('/')",
                "def upload():",
                handlerBody,
                "env = {}",
                "wsgiref.util.setup_testing_defaults(env)",
                "env['REQUEST_METHOD'] = 'POST'",
                "answer = []",
                "body = b''.join(app(env, lambda status, headers: answer.append((status, dict(headers)))))",
                "print(json.dumps({'status': answer[0][0], 'type': answer[0][1]['Content-Type'], "
                        + "'body': body.decode()}))"));
        assertThat(page.status()).as(page.output()).isZero();
        return JSON.readTree(page.output());
    }
}
