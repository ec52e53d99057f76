package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** What GitHub's JSON says of a release asset: its sha256 (when GitHub computed one), whether it is complete. */
final class AssetState {
    private AssetState() {
    }

    /** GitHub's {@code digest} without its "sha256:" prefix; empty for assets GitHub lists without one. */
    static Optional<String> sha256(JsonNode asset) {
        String digest = asset.path("digest").asText("");
        return digest.startsWith("sha256:") ? Optional.of(digest.substring(7)) : Optional.empty();
    }

    /** False for an upload that did not finish ("starter", "open"): it blocks the name until deleted. */
    static boolean complete(JsonNode asset) {
        return asset.path("state").asText("uploaded").equals("uploaded");
    }

    static String describe(JsonNode asset) {
        return asset.path("size").asLong() + " bytes, state " + asset.path("state").asText()
                + sha256(asset).map(d -> ", sha256 " + d).orElse("");
    }

    static Optional<JsonNode> named(Iterable<JsonNode> assets, String name) {
        for (JsonNode asset : assets) {
            if (asset.path("name").asText().equals(name)) {
                return Optional.of(asset);
            }
        }
        return Optional.empty();
    }
}
