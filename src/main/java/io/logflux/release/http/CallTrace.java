package io.logflux.release.http;

import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Protocol;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;

/**
 * What happened to one call on the wire: whether it ran on a connection taken from the pool (one that an earlier
 * request had used) and whether the answer's headers arrived. A failure on a reused connection before any answer is a
 * stale connection, not a server or network problem.
 */
public final class CallTrace extends EventListener {
    public static final EventListener.Factory FACTORY = call -> {
        CallTrace trace = call.request().tag(CallTrace.class);
        return trace == null ? EventListener.NONE : trace;
    };

    private volatile boolean connectStarted;
    private volatile boolean reused;
    private volatile boolean answered;

    @Override
    public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
        connectStarted = true;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        reused = !connectStarted;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        answered = true;
    }

    /** A failure that a new connection cures: on a reused connection, before the answer, and not a timeout. */
    public boolean staleConnection(IOException failure) {
        return reused && !answered && !(failure instanceof InterruptedIOException);
    }

    /**
     * HTTP/1.0 connections end with the answer unless the server offers keep-alive (RFC 9112 section 9.3); OkHttp
     * pools them anyway, so the caller drops them.
     */
    public static boolean serverClosesAfter(Response response) {
        return response.protocol() == Protocol.HTTP_1_0
                && !"keep-alive".equalsIgnoreCase(String.valueOf(response.header("Connection")).strip());
    }
}
