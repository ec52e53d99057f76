package io.logflux.release.http;

import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.util.List;

/**
 * A client whose TLS is set up when the first https request needs it, not when it is built. Building a plain OkHttp
 * client reads the JVM's trust store and its security providers, about 0.1 s of a cold start (docs/performance.md,
 * "Upload"), all of it before the first request; an index served on plain http (a pypiserver on the LAN, the
 * rehearsal index) needs none of it, a file it lists on an https host does. Plain http requests go through a client
 * with the same settings that speaks only cleartext, https requests through the full one, built once, on first use;
 * both share the builder's pool and dispatcher.
 *
 * <p>A client built on an embedding's base ({@link HttpSettings#clientBase()}: Jenkins, with its proxy and its own TLS
 * settings) is used as it is, for every request: what it allows is its own.
 */
public final class TlsOnDemand {
    /** OkHttp's own default: modern TLS, and cleartext. */
    private static final List<ConnectionSpec> TLS_AND_CLEARTEXT = List.of(ConnectionSpec.MODERN_TLS,
            ConnectionSpec.CLEARTEXT);

    private final OkHttpClient cleartext;
    private OkHttpClient full;

    private TlsOnDemand(OkHttpClient cleartext, OkHttpClient full) {
        this.cleartext = cleartext;
        this.full = full;
    }

    /** The builder's client, split by scheme where it starts from a plain client ({@code hasBase} false). */
    public static TlsOnDemand of(OkHttpClient.Builder builder, boolean hasBase) {
        return hasBase ? new TlsOnDemand(null, builder.build())
                : new TlsOnDemand(builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build(), null);
    }

    /** The client for a request to {@code url}. */
    public OkHttpClient forUrl(HttpUrl url) {
        return url.isHttps() || cleartext == null ? full() : cleartext;
    }

    private synchronized OkHttpClient full() {
        if (full == null) {
            full = cleartext.newBuilder().connectionSpecs(TLS_AND_CLEARTEXT).build();
        }
        return full;
    }

    /** Ends the threads and connections of both (they share them); builds nothing. */
    public synchronized void close() {
        HttpClients.close(full != null ? full : cleartext);
    }
}
