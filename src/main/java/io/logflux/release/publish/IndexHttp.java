package io.logflux.release.publish;

import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * No retries here (OkHttp's own are off, so a POST is never silently re-sent), no redirects followed (an upload URL
 * that redirects is a wrong URL), and no credentials sent to a host other than the index's.
 */
final class IndexHttp implements AutoCloseable {
    static final String USER_AGENT = "logflux-release/" + IndexHttp.class.getPackage().getImplementationVersion();
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final long MAX_READ_BODY = 64L << 20;
    private static final int CHUNK = 64 * 1024;

    private final OkHttpClient reads;
    private final OkHttpClient uploads;

    IndexHttp(HttpSettings settings) {
        OkHttpClient base = new OkHttpClient.Builder()
                .connectTimeout(settings.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.idle().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.idle().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.reads = base.newBuilder().callTimeout(settings.read().toMillis(), TimeUnit.MILLISECONDS).build();
        this.uploads = base.newBuilder().callTimeout(settings.upload().toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** Receives the number of file bytes sent so far. */
    interface Progress {
        void sent(long bytes);
    }

    HttpReply get(URI uri, String accept, IndexCredentials credentials) throws IOException {
        Request.Builder request = new Request.Builder().url(uri.toString()).get()
                .header("Accept", accept).header("User-Agent", USER_AGENT);
        if (credentials != null) {
            request.header("Authorization", credentials.authorizationHeader());
        }
        return execute(reads.newCall(request.build()));
    }

    /** PATCHes a JSON document (the proposed yank API). */
    HttpReply patchJson(URI uri, String json, IndexCredentials credentials) throws IOException {
        Request request = new Request.Builder().url(uri.toString())
                .patch(RequestBody.create(json, MediaType.get("application/json")))
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", credentials.authorizationHeader())
                .build();
        return execute(reads.newCall(request));
    }

    /** POSTs the form, with {@code file} as the {@code content} part (null for a probe without file). */
    HttpReply post(URI uri, UploadForm form, Path file, IndexCredentials credentials, Progress progress)
            throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> field : form.fields()) {
            body.addFormDataPart(field.getKey(), field.getValue());
        }
        if (file != null) {
            body.addFormDataPart("content", file.getFileName().toString(), new FileBody(file, progress));
        }
        Request request = new Request.Builder().url(uri.toString()).post(body.build())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", credentials.authorizationHeader())
                .build();
        return execute((file == null ? reads : uploads).newCall(request));
    }

    private static HttpReply execute(Call call) throws IOException {
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            String text = readBounded(body);
            MediaType type = body.contentType();
            return new HttpReply(response.code(), type == null ? "" : type.toString(), text,
                    response.header("Retry-After"), response.header("Location"));
        }
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
        for (OkHttpClient client : new OkHttpClient[] {reads, uploads}) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
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
