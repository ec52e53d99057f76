package io.logflux.release.results;

import io.logflux.release.ReleaseException;

import java.util.LinkedHashMap;

/**
 * A failed operation: {@code ok: false}, the message and the reason word ("token", "conflict", "too_large",
 * "unreachable", …), so a Jenkinsfile or a script tells a refused token from a conflict without parsing the message.
 */
public final class FailureMap {
    private FailureMap() {
    }

    public static LinkedHashMap<String, Object> of(ReleaseException failure) {
        return new PlainMap()
                .put("ok", false)
                .put("reason", failure.reason())
                .put("message", failure.getMessage())
                .toMap();
    }
}
