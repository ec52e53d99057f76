package io.logflux.release.jenkins;

import java.util.Optional;

/** Which release tag a step uses: its own {@code tag:} argument, else the tag build's {@code TAG_NAME}. */
final class ReleaseTagChoice {
    static final String TAG_NAME = "TAG_NAME";

    private ReleaseTagChoice() {
    }

    static Optional<String> choose(String stepTag, String tagNameVariable) {
        if (stepTag != null && !stepTag.isBlank()) {
            return Optional.of(stepTag.strip());
        }
        if (tagNameVariable != null && !tagNameVariable.isBlank()) {
            return Optional.of(tagNameVariable.strip());
        }
        return Optional.empty();
    }
}
