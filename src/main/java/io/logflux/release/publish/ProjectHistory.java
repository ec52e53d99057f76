package io.logflux.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.ReleaseException;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.project.ProjectName;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project's versions on an index, with their first upload time and yank state, from the JSON API. */
public final class ProjectHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One version: when its first file was uploaded, and whether it is yanked (and why). */
    public record VersionRecord(String version, Optional<Instant> firstUpload, boolean yanked,
                                Optional<String> yankedReason) {
    }

    private ProjectHistory() {
    }

    public static List<VersionRecord> read(PackageIndex index, String project, HttpSettings settings, Sleeper sleeper) {
        URI uri = index.jsonApiUrl().map(base -> base.resolve(ProjectName.normalize(project) + "/json"))
                .orElseThrow(() -> new ReleaseException(index.describe() + " has no JSON API, so its upload history "
                        + "cannot be read. Give --json-url (jsonUrl) if it has one elsewhere."));
        try (IndexClient client = new IndexClient(index, null, settings, sleeper, line -> { })) {
            HttpReply reply = client.readJson(uri);
            if (reply.absent()) {
                return List.of();
            }
            JsonNode root = JSON.readTree(reply.body());
            List<VersionRecord> versions = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> releases = root.path("releases").fields();
            while (releases.hasNext()) {
                Map.Entry<String, JsonNode> release = releases.next();
                Instant first = null;
                boolean yanked = release.getValue().size() > 0;
                String reason = null;
                for (JsonNode file : release.getValue()) {
                    Optional<Instant> at = instant(file.path("upload_time_iso_8601").asText(""));
                    if (at.isPresent() && (first == null || at.get().isBefore(first))) {
                        first = at.get();
                    }
                    yanked &= file.path("yanked").asBoolean(false);
                    if (file.hasNonNull("yanked_reason")) {
                        reason = file.get("yanked_reason").asText();
                    }
                }
                versions.add(new VersionRecord(release.getKey(), Optional.ofNullable(first), yanked,
                        Optional.ofNullable(reason)));
            }
            return versions;
        } catch (java.io.IOException e) {
            throw new ReleaseException("The JSON API at " + uri + " answered with something that is not JSON: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
