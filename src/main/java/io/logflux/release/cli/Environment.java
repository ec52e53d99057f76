package io.logflux.release.cli;

/** Reads environment variables (the release tag, later the tokens); tests pass their own. */
@FunctionalInterface
interface Environment {
    String get(String name);
}
