package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.ReleaseException;
import io.logflux.release.http.Backoff;
import io.logflux.release.units.Durations;
import io.logflux.release.publish.FileSnapshot;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import io.logflux.release.version.Pep440Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Attaches a release's files to its GitHub release so that a run either completes the release or leaves a draft a
 * re-run finishes: the tag must exist (and point at the build's commit, when given); the release is found (published
 * by tag, or a draft by listing) or created as a draft; each file is uploaded unless an asset with the same sha256 is
 * there (GitHub's {@code digest}, or the downloaded bytes); an upload that failed is looked for before it is retried,
 * and a half-written ("starter") asset is deleted first; only when every asset is there is the draft published.
 */
public final class GitHubReleaser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubApi api;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    GitHubReleaser(GitHubApi api, HttpSettings settings, Sleeper sleeper, Consumer<String> log) {
        this.api = api;
        this.settings = settings;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** A releaser talking to GitHub (or GitHub Enterprise Server) at {@code endpoint}. */
    public static GitHubReleaser connect(GitHubEndpoint endpoint, GitHubToken token, GitHubRepo repo,
                                         HttpSettings settings, Sleeper sleeper, Consumer<String> log) {
        GitHubHttp http = new GitHubHttp(endpoint, token, settings, sleeper, System::currentTimeMillis,
                Duration.ofSeconds(1), log);
        return new GitHubReleaser(new GitHubApi(http, repo, token.source()), settings, sleeper, log);
    }

    public GitHubReleaseReport release(GitHubReleaseRequest request, Path workDir) {
        String where = "tag " + request.tag() + " of " + request.repo();
        if (request.files().isEmpty()) {
            throw new ReleaseException("No files to attach to the GitHub release of " + where + ".");
        }
        verifyTag(request);
        List<Path> paths = new ArrayList<>(request.files());
        if (request.checksums()) {
            paths.add(ChecksumsFile.write(request.files(), workDir));
        }
        List<FileSnapshot> files = paths.stream().map(FileSnapshot::of).toList();
        boolean created = false;
        JsonNode release = findRelease(request.tag()).orElse(null);
        if (release == null) {
            release = createDraft(request);
            created = true;
        } else {
            log.accept("GitHub: found " + (release.path("draft").asBoolean() ? "the draft" : "the published")
                    + " release of " + where + " (" + release.path("html_url").asText() + ").");
        }
        long releaseId = release.path("id").asLong();
        List<ReleasedAsset> assets = new ArrayList<>();
        for (FileSnapshot file : files) {
            assets.add(attach(release, file, request));
        }
        verifyAssets(releaseId, files, where);
        boolean draft = release.path("draft").asBoolean();
        if (draft && !request.keepDraft()) {
            ObjectNode publish = JSON.createObjectNode();
            publish.put("draft", false);
            publish.put("make_latest", isPrerelease(request.version()) ? "false" : "true");
            release = api.updateRelease(releaseId, publish);
            draft = release.path("draft").asBoolean();
            log.accept("GitHub: published the release of " + where + ": " + release.path("html_url").asText());
        }
        GitHubReleaseReport report = new GitHubReleaseReport(request.repo().toString(), request.tag(), releaseId,
                release.path("html_url").asText(), draft, created, assets);
        log.accept(report.summary());
        return report;
    }

    private void verifyTag(GitHubReleaseRequest request) {
        JsonNode ref = api.tagRef(request.tag()).orElseThrow(() -> new ReleaseException("Tag " + request.tag()
                + " does not exist in " + request.repo() + ". Push it first (git push origin " + request.tag()
                + "): a release is made for an existing tag only, so that it cannot silently tag another commit."));
        if (request.commit().isPresent()) {
            JsonNode object = ref.path("object");
            String sha = object.path("type").asText().equals("tag") ? api.peelTag(object.path("sha").asText())
                    : object.path("sha").asText();
            String commit = request.commit().get().strip();
            if (!sha.startsWith(commit) && !commit.startsWith(sha)) {
                throw new ReleaseException("Tag " + request.tag() + " in " + request.repo() + " points at " + sha
                        + ", but this build is of " + commit + ". Release from the tagged commit (a tag build), or "
                        + "move the tag if it is wrong.");
            }
        }
    }

    private Optional<JsonNode> findRelease(String tag) {
        Optional<JsonNode> published = api.publishedRelease(tag);
        if (published.isPresent()) {
            return published;
        }
        return api.releases().stream().filter(r -> r.path("draft").asBoolean()
                && r.path("tag_name").asText().equals(tag)).findFirst();
    }

    private JsonNode createDraft(GitHubReleaseRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("tag_name", request.tag());
        request.commit().ifPresent(c -> body.put("target_commitish", c));
        body.put("name", request.name());
        body.put("body", request.notes().get());
        body.put("draft", true);
        body.put("prerelease", isPrerelease(request.version()));
        Backoff backoff = new Backoff(settings);
        for (int attempt = 1; ; attempt++) {
            GitHubReply reply;
            try {
                reply = api.createReleaseOnce(body);
            } catch (GitHubUnreachableException e) {
                reply = null;
                if (attempt >= settings.attempts()) {
                    throw e;
                }
            }
            if (reply != null && reply.ok()) {
                JsonNode release = reply.json();
                log.accept("GitHub: created a draft release for tag " + request.tag() + " of " + request.repo()
                        + " (" + release.path("html_url").asText() + ").");
                return release;
            }
            Duration limited = reply == null ? null : api.rateLimitWait(reply).orElse(null);
            if (reply != null && limited == null && !(reply.status() >= 500 || reply.hasErrorCode("already_exists"))) {
                throw api.failure(reply, "create the release for tag " + request.tag());
            }
            if (reply != null && attempt >= settings.attempts()) {
                throw api.failure(reply, "create the release for tag " + request.tag());
            }
            // The release may have been created although the answer failed, or by a parallel run: look before retrying.
            Optional<JsonNode> existing = findRelease(request.tag());
            if (existing.isPresent()) {
                log.accept("GitHub: the release of tag " + request.tag() + " exists after all; using it.");
                return existing.get();
            }
            Duration wait = backoff.delay(attempt, limited);
            log.accept("GitHub: creating the release failed (" + (reply == null ? "no answer" : "HTTP " + reply.status())
                    + (limited == null ? "" : ", rate limited") + "); retrying in " + Durations.human(wait) + ".");
            sleeper.sleep(wait);
        }
    }

    private ReleasedAsset attach(JsonNode release, FileSnapshot snapshot, GitHubReleaseRequest request) {
        Path file = snapshot.path();
        String name = file.getFileName().toString();
        String sha256 = snapshot.digests().sha256();
        long releaseId = release.path("id").asLong();
        ReleasedAsset.Outcome outcome = ReleasedAsset.Outcome.UPLOADED;
        Optional<JsonNode> existing = assetNamed(releaseId, name);
        if (existing.isPresent()) {
            JsonNode asset = existing.get();
            if (isComplete(asset) && sameContent(asset, file, sha256)) {
                log.accept("GitHub: " + name + " is already on the release with the same sha256; skipped.");
                return new ReleasedAsset(name, sha256, ReleasedAsset.Outcome.ALREADY_PRESENT,
                        asset.path("browser_download_url").asText());
            }
            immutableCheck(release, name, request);
            if (isComplete(asset) && !request.replaceAssets()) {
                throw new ReleaseException("The GitHub release of tag " + request.tag() + " of " + request.repo()
                        + " already has an asset " + name + " with other content (" + describe(asset) + "; here sha256 "
                        + sha256 + "). Set replaceAssets: true (--replace-assets) to replace it, or remove it on "
                        + "GitHub, or release a new version.");
            }
            log.accept("GitHub: " + (isComplete(asset) ? "replacing " + name + " (other content)" : "removing an "
                    + "unfinished upload of " + name + " (state " + asset.path("state").asText() + ")") + ".");
            api.deleteAsset(asset.path("id").asLong());
            if (isComplete(asset)) {
                outcome = ReleasedAsset.Outcome.REPLACED;
            }
        } else {
            immutableCheck(release, name, request);
        }
        return upload(release, snapshot, outcome, request);
    }

    private ReleasedAsset upload(JsonNode release, FileSnapshot snapshot, ReleasedAsset.Outcome outcome,
                                 GitHubReleaseRequest request) {
        Path file = snapshot.path();
        String name = file.getFileName().toString();
        String sha256 = snapshot.digests().sha256();
        long releaseId = release.path("id").asLong();
        String contentType = AssetContentType.of(name);
        Backoff backoff = new Backoff(settings);
        for (int attempt = 1; ; attempt++) {
            GitHubReply reply = null;
            String problem;
            Duration limited = null;
            try {
                reply = api.uploadAsset(release.path("upload_url").asText(), name, null, file, contentType);
                if (reply.status() == 201) {
                    JsonNode asset = reply.json();
                    try {
                        snapshot.assertUnchanged();
                    } catch (ReleaseException changed) {
                        api.deleteAsset(asset.path("id").asLong()); // bytes no one hashed must not stay on the release
                        throw changed;
                    }
                    log.accept("GitHub: uploaded " + name + " (" + asset.path("size").asLong() + " bytes).");
                    return new ReleasedAsset(name, sha256, outcome, asset.path("browser_download_url").asText());
                }
                if (reply.status() == 422 && reply.hasErrorCode("already_exists")) {
                    GitHubReply refused = reply;
                    JsonNode asset = assetNamed(releaseId, name).orElseThrow(() -> api.failure(refused,
                            "upload " + name));
                    if (isComplete(asset) && sameContent(asset, file, sha256)) {
                        log.accept("GitHub: " + name + " is on the release with the same sha256 (an earlier attempt "
                                + "landed); not uploading it again.");
                        return new ReleasedAsset(name, sha256, attempt > 1 ? outcome
                                : ReleasedAsset.Outcome.ALREADY_PRESENT, asset.path("browser_download_url").asText());
                    }
                    if (isComplete(asset) && !request.replaceAssets()) {
                        throw new ReleaseException("The GitHub release of tag " + request.tag() + " of "
                                + request.repo() + " already has an asset " + name + " with other content ("
                                + describe(asset) + "; here sha256 " + sha256 + "). Set replaceAssets: true "
                                + "(--replace-assets) to replace it, or release a new version.");
                    }
                    api.deleteAsset(asset.path("id").asLong());
                    continue;
                }
                limited = api.rateLimitWait(reply).orElse(null);
                if (reply.status() < 500 && limited == null) {
                    throw api.failure(reply, "upload " + name + " to the release of tag " + request.tag());
                }
                problem = "HTTP " + reply.status() + " " + reply.message() + (limited == null ? ""
                        : "; GitHub's rate limit asks to wait " + Durations.human(limited));
            } catch (GitHubUnreachableException e) {
                problem = e.getMessage();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ReleaseException("Interrupted while uploading " + name + " to the GitHub release of tag "
                        + request.tag() + " of " + request.repo() + "; nothing further was sent. The release stays "
                        + "a draft with the assets uploaded so far: run again to finish it.");
            }
            if (attempt >= settings.attempts()) {
                throw new GitHubUnreachableException("Uploading " + name + " to the GitHub release of tag "
                        + request.tag() + " of " + request.repo() + " failed " + attempt + " times (last: " + problem
                        + "). The release stays a draft with the assets uploaded so far; run again to finish it.",
                        null);
            }
            Duration wait = backoff.delay(attempt, limited);
            log.accept("GitHub: uploading " + name + " failed (" + problem + "); checking the release, then retrying in "
                    + Durations.human(wait) + ".");
            sleeper.sleep(wait);
            Optional<JsonNode> landed = assetNamed(releaseId, name);
            if (landed.isPresent()) {
                JsonNode asset = landed.get();
                if (isComplete(asset) && sameContent(asset, file, sha256)) {
                    log.accept("GitHub: " + name + " did arrive (only the answer was lost); not uploading it again.");
                    return new ReleasedAsset(name, sha256, outcome, asset.path("browser_download_url").asText());
                }
                // A 5xx can leave an empty "starter" asset that blocks the name; GitHub says it can be deleted.
                log.accept("GitHub: removing the unfinished asset " + name + " (state " + asset.path("state").asText()
                        + ") before retrying.");
                api.deleteAsset(asset.path("id").asLong());
            }
            snapshot.assertUnchanged();
        }
    }

    private void verifyAssets(long releaseId, List<FileSnapshot> files, String where) {
        List<JsonNode> assets = api.assets(releaseId);
        List<String> problems = new ArrayList<>();
        for (FileSnapshot file : files) {
            String name = file.path().getFileName().toString();
            Optional<JsonNode> asset = assets.stream().filter(a -> a.path("name").asText().equals(name)).findFirst();
            long size = file.digests().size();
            if (asset.isEmpty()) {
                problems.add(name + " is missing");
            } else if (!isComplete(asset.get()) || asset.get().path("size").asLong() != size) {
                problems.add(name + " is " + describe(asset.get()) + ", expected " + size + " bytes");
            } else if (digest(asset.get()).isPresent() && !digest(asset.get()).get().equals(file.digests()
                    .sha256())) {
                problems.add(name + " has sha256 " + digest(asset.get()).get());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseException("The GitHub release of " + where + " does not hold the files as uploaded: "
                    + String.join("; ", problems) + ". It was left unpublished; run again to finish it.");
        }
    }

    private void immutableCheck(JsonNode release, String name, GitHubReleaseRequest request) {
        if (release.path("immutable").asBoolean(false)) {
            throw new ReleaseException("The GitHub release of tag " + request.tag() + " of " + request.repo()
                    + " is immutable (published with immutable releases on): its assets can no longer change, so "
                    + name + " cannot be attached. Release a new version; with immutable releases, let this step "
                    + "create the release (it publishes only after every asset is attached).");
        }
    }

    private Optional<JsonNode> assetNamed(long releaseId, String name) {
        return api.assets(releaseId).stream().filter(a -> a.path("name").asText().equals(name)).findFirst();
    }

    private boolean sameContent(JsonNode asset, Path file, String sha256) {
        Optional<String> digest = digest(asset);
        if (digest.isPresent()) {
            return digest.get().equalsIgnoreCase(sha256);
        }
        if (asset.path("size").asLong(-1) != GitHubApi.size(file)) {
            return false;
        }
        return api.downloadSha256(asset.path("id").asLong()).equals(sha256);
    }

    private static Optional<String> digest(JsonNode asset) {
        String digest = asset.path("digest").asText("");
        return digest.startsWith("sha256:") ? Optional.of(digest.substring(7)) : Optional.empty();
    }

    private static boolean isComplete(JsonNode asset) {
        return asset.path("state").asText("uploaded").equals("uploaded");
    }

    private static String describe(JsonNode asset) {
        return asset.path("size").asLong() + " bytes, state " + asset.path("state").asText()
                + digest(asset).map(d -> ", sha256 " + d).orElse("");
    }

    static boolean isPrerelease(String version) {
        return Pep440Version.tryParse(version).map(v -> v.isPrerelease() || v.isDevrelease()).orElse(false);
    }

    /** A temporary directory for SHA256SUMS. */
    public static Path workDir() {
        try {
            Path dir = Files.createTempDirectory("logflux-github-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
