package io.logflux.release.http;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.util.concurrent.TimeUnit;

/**
 * The one way this tool builds an HTTP client: the settings' timeouts, OkHttp's silent retries off (this tool decides
 * what may be sent twice, {@link Retry}), and {@link CallTrace} on every call so a stale connection can be told from a
 * failure. Redirects are the caller's choice: an upload URL that redirects is a wrong URL, a GitHub download is not.
 *
 * <p>A client starts from the settings' {@link HttpSettings#clientBase() client base} when there is one (the Jenkins
 * controller's proxy), else from a plain client (the JVM's proxy properties).
 */
public final class HttpClients {
    private HttpClients() {
    }

    public static OkHttpClient.Builder builder(HttpSettings settings, ConnectionPool pool, boolean followRedirects) {
        return start(settings.clientBase())
                .connectionPool(pool)
                .eventListenerFactory(CallTrace.FACTORY)
                .connectTimeout(settings.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.idle().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.idle().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(followRedirects)
                .followSslRedirects(followRedirects);
    }

    /**
     * A base's builder shares the base's dispatcher; each client gets its own, as a plain builder would, because
     * {@link #close} shuts the dispatcher's threads down and must not stop the base or its other clients.
     */
    private static OkHttpClient.Builder start(OkHttpClient base) {
        return base == null ? new OkHttpClient.Builder() : base.newBuilder().dispatcher(new Dispatcher());
    }

    /** The same client with a pool of its own, closed after the call: the request gets a new connection. */
    public static OkHttpClient ofItsOwn(OkHttpClient client) {
        return client.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    }

    /** Ends a client's threads and connections. */
    public static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
