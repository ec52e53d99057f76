package io.logflux.release.publish;

import io.logflux.release.files.FileName;
import io.logflux.release.http.HttpClients;
import io.logflux.release.http.TracedCall;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.StaleConnectionException;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP calls an index gets: GETs of JSON and simple pages, and multipart POSTs whose file part streams from disk.
 * No redirects followed (an upload URL that redirects is a wrong URL), no credentials sent to a host other than the
 * index's, and no silent re-sending (OkHttp's own retries are off). One exception, made here because only here can it
 * be seen: servers close kept-alive connections without saying so (HTTP/1.0 servers such as Python's wsgiref, idle
 * timeouts shorter than the gap between two requests, proxies), and a request sent on such a connection fails before
 * any answer. Reads and the token probe are then sent again at once on a new connection; an upload is not (it may be
 * sent again only after the index was asked whether it has the file: {@link FileUploader}), it fails with
 * {@link StaleConnectionException}. Connections of HTTP/1.0 answers are dropped, not pooled, and any request can be
 * sent on a connection of its own ({@code freshConnection}), as every retry is.
 */
final class IndexHttp implements AutoCloseable {
    static final String USER_AGENT = "logflux-release/" + IndexHttp.class.getPackage().getImplementationVersion();
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final long MAX_READ_BODY = 64L << 20;
    private static final int CHUNK = 64 * 1024;

    private final OkHttpClient reads;
    private final OkHttpClient uploads;

    IndexHttp(HttpSettings settings) {
        OkHttpClient base = HttpClients.builder(settings, new ConnectionPool(), false).build();
        this.reads = base.newBuilder().callTimeout(settings.read().toMillis(), TimeUnit.MILLISECONDS).build();
        this.uploads = base.newBuilder().callTimeout(settings.upload().toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** Receives the number of file bytes sent so far. */
    interface Progress {
        void sent(long bytes);
    }

    HttpReply get(URI uri, String accept, IndexCredentials credentials, boolean freshConnection) throws IOException {
        Request.Builder request = new Request.Builder().url(uri.toString()).get()
                .header("Accept", accept).header("User-Agent", USER_AGENT);
        if (credentials != null) {
            request.header("Authorization", credentials.authorizationHeader());
        }
        return send(reads, request.build(), true, freshConnection);
    }

    /** PATCHes a JSON document (the proposed yank API; setting the same state twice is harmless). */
    HttpReply patchJson(URI uri, String json, IndexCredentials credentials) throws IOException {
        Request request = new Request.Builder().url(uri.toString())
                .patch(RequestBody.create(json, MediaType.get("application/json")))
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", credentials.authorizationHeader())
                .build();
        return send(reads, request, true, false);
    }

    /**
     * POSTs the form, with {@code file} as the {@code content} part (null for a probe without file). A probe is sent
     * again on a new connection when a stale one failed it; an upload fails with {@link StaleConnectionException}.
     */
    HttpReply post(URI uri, UploadForm form, Path file, IndexCredentials credentials, Progress progress,
                   boolean freshConnection) throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> field : form.fields()) {
            body.addFormDataPart(field.getKey(), field.getValue());
        }
        if (file != null) {
            body.addFormDataPart("content", FileName.of(file), new FileBody(file, progress));
        }
        Request request = new Request.Builder().url(uri.toString()).post(body.build())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", credentials.authorizationHeader())
                .build();
        return send(file == null ? reads : uploads, request, file == null, freshConnection);
    }

    private HttpReply send(OkHttpClient client, Request request, boolean resendWhenStale, boolean freshConnection)
            throws IOException {
        try {
            return execute(freshConnection ? HttpClients.ofItsOwn(client) : client, request);
        } catch (StaleConnectionException e) {
            if (!resendWhenStale) {
                throw e;
            }
            return execute(HttpClients.ofItsOwn(client), request);
        }
    }

    private static HttpReply execute(OkHttpClient client, Request request) throws IOException {
        return TracedCall.execute(client, request, response -> {
            ResponseBody body = response.body();
            String text = readBounded(body);
            MediaType type = body.contentType();
            return new HttpReply(response.code(), response.message(), type == null ? "" : type.toString(), text,
                    response.header("Retry-After"), response.header("Location"));
        });
    }

    private static String readBounded(ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        if (!source.request(MAX_READ_BODY)) {
            return source.readString(StandardCharsets.UTF_8);
        }
        throw new IOException("the response is larger than " + (MAX_READ_BODY >> 20) + " MiB");
    }

    @Override
    public void close() {
        HttpClients.close(reads); // the uploads' client shares its dispatcher and pool
    }

    /** The file part: read from disk in chunks as OkHttp writes, so memory does not grow with the file. */
    private static final class FileBody extends RequestBody {
        private final Path file;
        private final Progress progress;
        private final long length;

        FileBody(Path file, Progress progress) throws IOException {
            this.file = file;
            this.progress = progress;
            this.length = Files.size(file);
        }

        @Override
        public MediaType contentType() {
            return OCTET_STREAM;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            long sent = 0;
            // Read straight into the sink's buffer segments: no copy through a byte array of our own.
            try (Source in = Okio.source(file)) {
                for (long n; (n = in.read(sink.getBuffer(), CHUNK)) != -1; ) {
                    sink.emitCompleteSegments();
                    sent += n;
                    if (progress != null) {
                        progress.sent(sent);
                    }
                }
            }
            if (sent != length) {
                throw new IOException(file.getFileName() + " changed size while it was being uploaded (" + length
                        + " bytes expected, " + sent + " read)");
            }
        }
    }
}
