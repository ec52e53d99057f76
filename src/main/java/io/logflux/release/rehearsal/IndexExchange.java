package io.logflux.release.rehearsal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import org.xnio.IoUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One request to the rehearsal index and its answer, over Undertow's blocking API: the few things the index's handlers
 * use. Unlike the JDK's HTTP server, Undertow sends the reason phrase it is given, so refusals carry warehouse's
 * message in the status line as warehouse does.
 */
final class IndexExchange {
    /** The request's header values, looked up by name (case-insensitive). */
    interface RequestHeaders {
        String getFirst(String name);
    }

    /** The response's header values. */
    interface ResponseHeaders {
        void set(String name, String value);
    }

    private static final int DRAIN_BYTES = 64 * 1024;

    private final HttpServerExchange exchange;
    private boolean answered;
    private boolean bodyAbandoned;

    IndexExchange(HttpServerExchange exchange) {
        this.exchange = exchange;
    }

    String getRequestMethod() {
        return exchange.getRequestMethod().toString();
    }

    /** The request's path as sent (not decoded, no query); nothing is parsed, so nothing a client sends can fail it. */
    String getRawPath() {
        return exchange.getRequestURI();
    }

    RequestHeaders getRequestHeaders() {
        return name -> exchange.getRequestHeaders().getFirst(name);
    }

    InputStream getRequestBody() {
        return exchange.getInputStream();
    }

    /** The declared body length; -1 when none was declared (chunked). */
    long getRequestContentLength() {
        return exchange.getRequestContentLength();
    }

    /**
     * Reads and drops what the handler left of the request body, up to 64 KiB, so that the connection can serve the
     * next request; a longer rest (a flood, an upload refused half-way) is not read: the connection closes after the
     * answer instead.
     */
    void discardRestOfBody() throws IOException {
        if (bodyAbandoned) {
            return;
        }
        InputStream body = exchange.getInputStream();
        byte[] buffer = new byte[8192];
        for (int drained = 0; drained < DRAIN_BYTES; ) {
            int n = body.read(buffer);
            if (n < 0) {
                return;
            }
            drained += n;
        }
        exchange.setPersistent(false);
    }

    ResponseHeaders getResponseHeaders() {
        return (name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value);
    }

    /** Leaves the rest of the request body unread: the connection closes after the answer. */
    void abandonBody() {
        bodyAbandoned = true;
        exchange.setPersistent(false);
    }

    /** Status, reason phrase (null for the standard one) and body length (-1 for none). */
    void sendResponseHeaders(int status, String reason, long length) {
        exchange.setStatusCode(status);
        if (reason != null) {
            exchange.setReasonPhrase(reason);
        }
        exchange.setResponseContentLength(Math.max(length, 0));
        answered = true;
    }

    OutputStream getResponseBody() {
        return exchange.getOutputStream();
    }

    /** Ends the answer; before any answer was given, closes the connection without one (a fault). */
    void close() {
        if (answered) {
            if (!exchange.isRequestComplete()) {
                // Else Undertow would read the rest of the body to keep the connection, however long it is.
                exchange.setPersistent(false);
            }
            exchange.endExchange();
        } else {
            // After a read timeout the close alone may not stop Undertow's default answer (200, empty) as the
            // handler returns: whatever answer starts closes the connection instead.
            if (!exchange.isResponseStarted()) {
                exchange.addResponseWrapper((factory, ex) -> {
                    IoUtils.safeClose(ex.getConnection());
                    return factory.create();
                });
            }
            IoUtils.safeClose(exchange.getConnection());
        }
    }
}
