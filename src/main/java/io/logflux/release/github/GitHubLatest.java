package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflux.release.ReleaseException;
import io.logflux.release.version.Pep440Version;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a published release becomes the repository's "Latest": always, never, or ({@link #AUTO}) when its version
 * is the highest final version among the releases, so that a backport (1.9.1 after 2.0.0) does not take the mark.
 * A pre- or dev-release is never marked (GitHub does not mark them either).
 */
public enum GitHubLatest {
    TRUE, FALSE, AUTO;

    /** {@code true}, {@code false} or {@code auto} (any case); null or blank is {@link #AUTO}. */
    public static GitHubLatest parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReleaseException("latest must be true, false or auto, not '" + value.strip() + "'.");
        }
    }

    /** The {@code make_latest} value for the release of {@code tag} at {@code version}, among {@code releases}. */
    String makeLatest(String tag, String version, List<JsonNode> releases) {
        Optional<Pep440Version> ours = Pep440Version.tryParse(version);
        if (GitHubReleaser.isPrerelease(version) || this == FALSE) {
            return "false";
        }
        if (this == TRUE || ours.isEmpty()) {
            return "true";
        }
        boolean higherExists = releases.stream()
                .filter(r -> !r.path("draft").asBoolean() && !r.path("prerelease").asBoolean())
                .filter(r -> !r.path("tag_name").asText().equals(tag))
                .flatMap(r -> finalVersion(r.path("tag_name").asText()).stream())
                .anyMatch(other -> other.compareTo(ours.get()) > 0);
        return higherExists ? "false" : "true";
    }

    private static Optional<Pep440Version> finalVersion(String tag) {
        String bare = tag.startsWith("v") || tag.startsWith("V") ? tag.substring(1) : tag;
        return Pep440Version.tryParse(bare).filter(v -> !v.isPrerelease() && !v.isDevrelease());
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
