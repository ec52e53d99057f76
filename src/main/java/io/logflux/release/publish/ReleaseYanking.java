package io.logflux.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.ReleaseException;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.project.ProjectName;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Yanking on a package index. PyPI has no programmatic yank today (warehouse PR 16912, "Programmatic yanking", is
 * open): the proposed {@code PATCH /api/projects/<name>/<version>} is used only where an index serves it and the caller
 * asks for it; otherwise a person yanks on the web page this names, and the JSON API tells whether it happened.
 */
public final class ReleaseYanking {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the JSON API says of a release. */
    public record YankState(boolean yanked, Optional<String> reason) {
    }

    /** The result of asking the index's yank API. */
    public enum ApiOutcome { YANKED, NO_API, REFUSED }

    private final PackageIndex index;
    private final HttpSettings settings;
    private final Sleeper sleeper;

    public ReleaseYanking(PackageIndex index, HttpSettings settings, Sleeper sleeper) {
        this.index = index;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** Where a person yanks the release: the release's manage page. */
    public String managePage(String project, String version) {
        URI web = index.webUrl().orElseThrow(() -> new ReleaseException(index.describe() + " has no known web site to "
                + "yank on; yank the release in that index's own interface."));
        return web.resolve("manage/project/" + ProjectName.normalize(project) + "/release/" + version + "/").toString();
    }

    /** The project's history page (every upload, yank and token event, for its owners). */
    public String historyPage(String project) {
        URI web = index.webUrl().orElseThrow(() -> new ReleaseException(index.describe() + " has no known web site."));
        return web.resolve("manage/project/" + ProjectName.normalize(project) + "/history/").toString();
    }

    /** Yanks through the proposed API; NO_API when the index does not serve it (404/405). */
    public ApiOutcome yankViaApi(IndexCredentials credentials, String project, String version, String reason,
                                 StringBuilder refusal) {
        URI web = index.webUrl().orElse(null);
        if (web == null) {
            return ApiOutcome.NO_API;
        }
        URI uri = web.resolve("api/projects/" + ProjectName.normalize(project) + "/" + version);
        ObjectNode body = JSON.createObjectNode();
        body.put("yanked", true);
        body.put("yanked_reason", reason);
        try (IndexClient client = new IndexClient(index, credentials, settings, sleeper, line -> { })) {
            HttpReply reply = client.patchJson(uri, body.toString());
            if (reply.ok()) {
                return ApiOutcome.YANKED;
            }
            if (reply.status() == 404 || reply.status() == 405) {
                return ApiOutcome.NO_API;
            }
            refusal.append("HTTP ").append(reply.status()).append(reply.message().isEmpty() ? ""
                    : " \"" + reply.message() + "\"");
            return ApiOutcome.REFUSED;
        } catch (IOException e) {
            throw new IndexUnreachableException("Cannot reach " + uri + " to yank " + project + " " + version + ": "
                    + e.getMessage() + ". Run again.", e);
        }
    }

    /** The release's yank state; empty if the index does not have the release. */
    public Optional<YankState> state(String project, String version) {
        URI uri = index.releaseJson(ProjectName.normalize(project), version).orElseThrow(() -> new ReleaseException(
                index.describe() + " has no JSON API, so a yank cannot be verified there."));
        try (IndexClient client = new IndexClient(index, null, settings, sleeper, line -> { })) {
            HttpReply reply = client.readJson(uri);
            if (reply.absent()) {
                return Optional.empty();
            }
            JsonNode info = JSON.readTree(reply.body()).path("info");
            String reason = info.path("yanked_reason").isTextual() ? info.get("yanked_reason").asText() : null;
            return Optional.of(new YankState(info.path("yanked").asBoolean(false),
                    Optional.ofNullable(reason).filter(r -> !r.isEmpty())));
        } catch (IOException e) {
            throw new ReleaseException("The JSON API at " + uri + " answered with something that is not JSON: "
                    + e.getMessage(), e);
        }
    }
}
