package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The release operations yanking and auditing need: find, delete, mark as yanked, list the released tags. */
public final class GitHubReleases implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GitHubApi api;

    /** A release as GitHub shows it. */
    public record ReleaseState(long id, String tag, boolean draft, boolean prerelease, String htmlUrl, String body) {
        static ReleaseState of(JsonNode release) {
            return new ReleaseState(release.path("id").asLong(), release.path("tag_name").asText(),
                    release.path("draft").asBoolean(), release.path("prerelease").asBoolean(),
                    release.path("html_url").asText(), release.path("body").asText(""));
        }
    }

    GitHubReleases(GitHubApi api) {
        this.api = api;
    }

    public static GitHubReleases connect(GitHubEndpoint endpoint, GitHubToken token, GitHubRepo repo,
                                         HttpSettings settings, Sleeper sleeper, Consumer<String> log) {
        return new GitHubReleases(GitHubApi.connect(endpoint, token, repo, settings, sleeper, log));
    }

    /** The release of a tag, published or draft. */
    public Optional<ReleaseState> find(String tag) {
        return api.release(tag).map(ReleaseState::of);
    }

    public Set<String> releaseTags() {
        Set<String> tags = new LinkedHashSet<>();
        api.releases().forEach(r -> tags.add(r.path("tag_name").asText()));
        return tags;
    }

    public boolean delete(long releaseId) {
        return api.deleteRelease(releaseId);
    }

    /** Deletes the tag; false when it was already gone. */
    public boolean deleteTag(String tag) {
        return api.deleteRef("tags/" + GitHubApi.encode(tag));
    }

    /** Keeps the release but marks it: a pre-release, not the latest, with "Yanked: reason" above its notes. */
    public ReleaseState markYanked(ReleaseState release, String reason) {
        String notice = "**Yanked:** " + reason;
        String body = release.body().startsWith(notice) ? release.body()
                : notice + (release.body().isBlank() ? "" : "\n\n" + release.body());
        ObjectNode patch = JSON.createObjectNode();
        patch.put("prerelease", true);
        patch.put("make_latest", "false");
        patch.put("body", body);
        return ReleaseState.of(api.updateRelease(release.id(), patch));
    }

    @Override
    public void close() {
        api.close();
    }
}
