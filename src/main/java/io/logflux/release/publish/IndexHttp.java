package io.logflux.release.publish;

import io.logflux.release.files.FileName;
import io.logflux.release.http.HttpClients;
import io.logflux.release.http.TlsOnDemand;
import io.logflux.release.http.TracedCall;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.SendWatch;
import io.logflux.release.http.StaleConnectionException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
    private static final long MAX_READ_BODY = 64L << 20;

    private final TlsOnDemand reads;
    private final TlsOnDemand uploads;
    private final SendWatch sendWatch;

    IndexHttp(HttpSettings settings) {
        // One builder, so that both share its pool and dispatcher; each build copies what it holds then.
        OkHttpClient.Builder base = HttpClients.builder(settings, new ConnectionPool(), false);
        boolean hasBase = settings.clientBase() != null;
        this.reads = TlsOnDemand.of(base.callTimeout(settings.read().toMillis(), TimeUnit.MILLISECONDS), hasBase);
        // Built after the reads' client: an upload's writes are watched by this.sendWatch, not by OkHttp.
        this.uploads = TlsOnDemand.of(base.callTimeout(settings.upload().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(0, TimeUnit.MILLISECONDS), hasBase);
        this.sendWatch = new SendWatch(settings.idle());
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
        return read(request.build(), freshConnection);
    }

    /** PATCHes a JSON document (the proposed yank API; setting the same state twice is harmless). */
    HttpReply patchJson(URI uri, String json, IndexCredentials credentials) throws IOException {
        Request request = new Request.Builder().url(uri.toString())
                .patch(RequestBody.create(json, MediaType.get("application/json")))
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", credentials.authorizationHeader())
                .build();
        return read(request, false);
    }

    /**
     * POSTs the form, with {@code file} as the {@code content} part (null for a probe without file), digest first. A
     * probe is sent again on a new connection when a stale one failed it; an upload fails with
     * {@link StaleConnectionException}.
     */
    HttpReply post(URI uri, UploadForm form, Path file, IndexCredentials credentials, Progress progress,
                   boolean freshConnection) throws IOException {
        RequestBody body = UploadBody.digestFirst(form, file, file == null ? 0 : Files.size(file), progress);
        return file == null ? read(postRequest(uri, body, credentials), freshConnection)
                : upload(uri, body, credentials, freshConnection);
    }

    /**
     * POSTs an upload body ({@link UploadBody}); a stale connection fails it with {@link StaleConnectionException}, a
     * body the server stopped reading for the idle timeout with a {@link java.net.SocketTimeoutException}.
     */
    HttpReply upload(URI uri, RequestBody body, IndexCredentials credentials, boolean freshConnection)
            throws IOException {
        OkHttpClient client = uploads.forUrl(HttpUrl.get(uri.toString()));
        return sendWatch.watched(body, (watched, calling) -> execute(
                freshConnection ? HttpClients.ofItsOwn(client) : client, postRequest(uri, watched, credentials),
                calling));
    }

    private static Request postRequest(URI uri, RequestBody body, IndexCredentials credentials) {
        return new Request.Builder().url(uri.toString()).post(body)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", credentials.authorizationHeader())
                .build();
    }

    /** A read or a probe: sent again at once on a new connection when a stale one failed it. */
    private HttpReply read(Request request, boolean freshConnection) throws IOException {
        OkHttpClient client = reads.forUrl(request.url());
        try {
            return execute(freshConnection ? HttpClients.ofItsOwn(client) : client, request);
        } catch (StaleConnectionException e) {
            return execute(HttpClients.ofItsOwn(client), request);
        }
    }

    private static HttpReply execute(OkHttpClient client, Request request) throws IOException {
        return execute(client, request, call -> { });
    }

    private static HttpReply execute(OkHttpClient client, Request request, Consumer<Call> started)
            throws IOException {
        return TracedCall.execute(client, request, response -> {
            ResponseBody body = response.body();
            String text = readBounded(body);
            MediaType type = body.contentType();
            return new HttpReply(response.code(), response.message(), type == null ? "" : type.toString(), text,
                    response.header("Retry-After"), response.header("Location"));
        }, started);
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
        reads.close(); // the uploads' clients share its dispatcher and pool
        sendWatch.close();
    }
}
