package io.logflux.release.http;

import java.io.IOException;

/** How messages name a failed request: the exception's kind and its message ("SocketTimeoutException: timeout"). */
public final class Failures {
    private Failures() {
    }

    public static String describe(IOException e) {
        if (e == null) {
            return "no answer";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
