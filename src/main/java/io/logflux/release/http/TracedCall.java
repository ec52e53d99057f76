package io.logflux.release.http;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Runs one call with a {@link CallTrace}: a failure on a reused connection before any answer becomes a
 * {@link StaleConnectionException}, and after an HTTP/1.0 answer without keep-alive the client's pooled connections
 * are dropped (the server has closed its end).
 */
public final class TracedCall {
    private TracedCall() {
    }

    /** Reads what the caller needs of the answer while it is open. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Response response) throws IOException;
    }

    public static <T> T execute(OkHttpClient client, Request request, Reader<T> reader) throws IOException {
        return execute(client, request, reader, call -> { });
    }

    /** @param started told the call before it is sent (to cancel it from elsewhere) */
    public static <T> T execute(OkHttpClient client, Request request, Reader<T> reader, Consumer<Call> started)
            throws IOException {
        CallTrace trace = new CallTrace();
        T result;
        boolean serverCloses;
        Call call = client.newCall(request.newBuilder().tag(CallTrace.class, trace).build());
        started.accept(call);
        try (Response response = call.execute()) {
            result = reader.read(response);
            serverCloses = CallTrace.serverClosesAfter(response);
        } catch (IOException e) {
            if (trace.staleConnection(e)) {
                throw new StaleConnectionException(e);
            }
            throw e;
        }
        if (serverCloses) {
            // The answer's connection is back in the pool by now.
            client.connectionPool().evictAll();
        }
        return result;
    }
}
