package io.logflux.release.tokens;

/** How a finding weighs on the build: OK, WARN (UNSTABLE), FAIL (FAILURE). */
public enum Level {
    OK, WARN, FAIL;

    Level worst(Level other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
