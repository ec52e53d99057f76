package io.logflux.release.cli;

import io.logflux.release.secret.RunSecrets;

/** Reads environment variables (the release tag, the tokens); tests pass their own. */
@FunctionalInterface
interface Environment {
    String get(String name);

    /** A variable holding a token: in a run ({@link RunEnvironment}) its value is noted, so output redacts it. */
    default String secret(String name) {
        return get(name);
    }

    /** The secrets of the run; none outside one. */
    default RunSecrets secrets() {
        return new RunSecrets();
    }
}
