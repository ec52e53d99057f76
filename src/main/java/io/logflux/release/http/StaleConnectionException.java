package io.logflux.release.http;

import java.io.IOException;

/**
 * A request failed on a kept-alive connection before any answer arrived: the server had closed the connection while it
 * sat idle in the pool (HTTP/1.0 servers, short keep-alive timeouts, proxies and load balancers do so without saying).
 * Sending the request again on a new connection is the cure; whether that is safe without looking first is the
 * caller's to decide.
 */
public final class StaleConnectionException extends IOException {
    public StaleConnectionException(IOException cause) {
        super("the server had closed the kept-alive connection (" + Failures.describe(cause) + ")", cause);
    }
}
