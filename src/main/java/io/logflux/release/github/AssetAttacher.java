package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.logflux.release.ReleaseException;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.publish.FileSnapshot;
import io.logflux.release.units.Durations;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Attaches one file to a release: skipped when an asset of its name has its sha256 (GitHub's {@code digest}, or the
 * downloaded bytes), refused or replaced when the asset has other bytes, uploaded otherwise. An upload is sent once
 * per attempt; before it is sent again the release is looked at, so one that landed although its answer was lost is
 * not sent twice, and a half-written ("starter") asset that would block the name is deleted.
 */
final class AssetAttacher {
    private final GitHubApi api;
    private final Retry retry;
    private final Schedule uploads;
    private final Consumer<String> log;

    /** {@code uploads}: how often and after which waits an upload is sent in all. */
    AssetAttacher(GitHubApi api, Retry retry, Schedule uploads, Consumer<String> log) {
        this.api = api;
        this.retry = retry;
        this.uploads = uploads;
        this.log = log;
    }

    ReleasedAsset attach(JsonNode release, FileSnapshot file, GitHubReleaseRequest request) {
        String name = file.fileName();
        String sha256 = file.digests().sha256();
        ReleasedAsset.Outcome outcome = ReleasedAsset.Outcome.UPLOADED;
        Optional<JsonNode> existing = assetNamed(release.path("id").asLong(), name);
        if (existing.isPresent()) {
            JsonNode asset = existing.get();
            boolean complete = AssetState.complete(asset);
            if (complete && sameContent(asset, file)) {
                log.accept("GitHub: " + name + " is already on the release with the same sha256; skipped.");
                return new ReleasedAsset(name, sha256, ReleasedAsset.Outcome.ALREADY_PRESENT,
                        asset.path("browser_download_url").asText());
            }
            immutableCheck(release, name, request);
            if (complete && !request.replaceAssets()) {
                throw otherContent(request, file, asset, "remove it on GitHub, or release a new version.");
            }
            log.accept("GitHub: " + (complete ? "replacing " + name + " (other content)" : "removing an "
                    + "unfinished upload of " + name + " (state " + asset.path("state").asText() + ")") + ".");
            api.deleteAsset(asset.path("id").asLong());
            if (complete) {
                outcome = ReleasedAsset.Outcome.REPLACED;
            }
        } else {
            immutableCheck(release, name, request);
        }
        Upload upload = new Upload(release, file, outcome, request);
        return retry.run(uploads, upload, upload);
    }

    /** One file's upload: each attempt, and what is looked at before the next. */
    private final class Upload implements Retry.Attempt<ReleasedAsset>, Retry.Plan<ReleasedAsset> {
        private final JsonNode release;
        private final long releaseId;
        private final FileSnapshot file;
        private final String name;
        private final ReleasedAsset.Outcome outcome;
        private final GitHubReleaseRequest request;
        private boolean sentBefore;
        private boolean unlistedConflictRetried;

        Upload(JsonNode release, FileSnapshot file, ReleasedAsset.Outcome outcome, GitHubReleaseRequest request) {
            this.release = release;
            this.releaseId = release.path("id").asLong();
            this.file = file;
            this.name = file.fileName();
            this.outcome = outcome;
            this.request = request;
        }

        @Override
        public Retry.Outcome<ReleasedAsset> run(int number) {
            GitHubReply reply;
            try {
                reply = api.uploadAsset(release.path("upload_url").asText(), name, null, file.path(),
                        file.digests().size(), AssetContentType.of(name), sentBefore);
            } catch (GitHubUnreachableException e) {
                sentBefore = true;
                if (e.staleConnection()) {
                    log.accept("GitHub: uploading " + name + " failed (" + e.getCause().getMessage() + "); checking "
                            + "the release, then sending it again on a new connection.");
                    return landedAnyway().map(Retry.Outcome::done)
                            .orElseGet(() -> Retry.Outcome.resend(e.getMessage(), e));
                }
                return failed(e.getMessage(), null, e);
            }
            if (reply.status() == 201) {
                return Retry.Outcome.done(uploaded(reply.json()));
            }
            if (reply.status() == 422 && reply.hasErrorCode("already_exists")) {
                return alreadyExists(reply);
            }
            Duration limited = api.rateLimitWait(reply).orElse(null);
            if (reply.status() < 500 && limited == null) {
                throw api.failure(reply, "upload " + name + " to the release of tag " + request.tag());
            }
            sentBefore = true;
            return failed("HTTP " + reply.status() + " " + reply.message() + (limited == null ? ""
                    : "; GitHub's rate limit asks to wait " + Durations.human(limited)), limited, null);
        }

        private ReleasedAsset uploaded(JsonNode asset) {
            try {
                file.assertUnchanged();
            } catch (ReleaseException changed) {
                api.deleteAsset(asset.path("id").asLong()); // bytes no one hashed must not stay on the release
                throw changed;
            }
            log.accept("GitHub: uploaded " + name + " (" + asset.path("size").asLong() + " bytes).");
            return released(outcome, asset);
        }

        private Retry.Outcome<ReleasedAsset> alreadyExists(GitHubReply refused) {
            Optional<JsonNode> listed = assetNamed(releaseId, name);
            if (listed.isEmpty()) {
                // GitHub can refuse a name for a starter asset it does not list yet (or any more).
                if (unlistedConflictRetried) {
                    throw api.failure(refused, "upload " + name + " (the release does not list an asset of that "
                            + "name, also after a second try)");
                }
                unlistedConflictRetried = true;
                log.accept("GitHub: answered that " + name + " already exists, but the release does not list it; "
                        + "uploading it once more.");
                return Retry.Outcome.resend("an unlisted asset " + name + " was in the way", null);
            }
            JsonNode asset = listed.get();
            boolean complete = AssetState.complete(asset);
            if (complete && sameContent(asset, file)) {
                log.accept("GitHub: " + name + " is on the release with the same sha256 (an earlier attempt "
                        + "landed); not uploading it again.");
                return Retry.Outcome.done(released(sentBefore ? outcome : ReleasedAsset.Outcome.ALREADY_PRESENT,
                        asset));
            }
            if (complete && !request.replaceAssets()) {
                throw otherContent(request, file, asset, "release a new version.");
            }
            api.deleteAsset(asset.path("id").asLong());
            return Retry.Outcome.resend("an asset " + name + " was in the way", null);
        }

        private Retry.Outcome<ReleasedAsset> failed(String problem, Duration retryAfter, Throwable cause) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ReleaseException("Interrupted while uploading " + name + " to the GitHub release of tag "
                        + request.tag() + " of " + request.repo() + "; nothing further was sent. The release stays "
                        + "a draft with the assets uploaded so far: run again to finish it.");
            }
            return Retry.Outcome.retry(problem, retryAfter, cause);
        }

        @Override
        public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
            return new GitHubUnreachableException("Uploading " + name + " to the GitHub release of tag "
                    + request.tag() + " of " + request.repo() + " failed " + attempts + " times (last: " + problem
                    + "). The release stays a draft with the assets uploaded so far; run again to finish it.", cause);
        }

        @Override
        public String retrying(String problem, Duration wait, int next) {
            return "GitHub: uploading " + name + " failed (" + problem + "); checking the release, then retrying in "
                    + Durations.human(wait) + ".";
        }

        @Override
        public Optional<ReleasedAsset> beforeRetry(int attemptsSoFar) {
            return landedAnyway();
        }

        /** After a send without a good answer: the asset if it landed; else the way is cleared for sending again. */
        private Optional<ReleasedAsset> landedAnyway() {
            Optional<JsonNode> landed = assetNamed(releaseId, name);
            if (landed.isPresent()) {
                JsonNode asset = landed.get();
                if (AssetState.complete(asset) && sameContent(asset, file)) {
                    log.accept("GitHub: " + name + " did arrive (only the answer was lost); not uploading it again.");
                    return Optional.of(released(outcome, asset));
                }
                // A 5xx can leave an empty "starter" asset that blocks the name; GitHub says it can be deleted.
                log.accept("GitHub: removing the unfinished asset " + name + " (state " + asset.path("state").asText()
                        + ") before retrying.");
                api.deleteAsset(asset.path("id").asLong());
            }
            file.assertUnchanged();
            return Optional.empty();
        }

        private ReleasedAsset released(ReleasedAsset.Outcome how, JsonNode asset) {
            return new ReleasedAsset(name, file.digests().sha256(), how, asset.path("browser_download_url").asText());
        }
    }

    private ReleaseException otherContent(GitHubReleaseRequest request, FileSnapshot file, JsonNode asset,
                                          String orElse) {
        return new ReleaseException("The GitHub release of tag " + request.tag() + " of " + request.repo()
                + " already has an asset " + file.fileName() + " with other content (" + AssetState.describe(asset)
                + "; here sha256 " + file.digests().sha256() + "). Set replaceAssets: true (--replace-assets) to "
                + "replace it, or " + orElse);
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
        return AssetState.named(api.assets(releaseId), name);
    }

    private boolean sameContent(JsonNode asset, FileSnapshot file) {
        String sha256 = file.digests().sha256();
        Optional<String> digest = AssetState.sha256(asset);
        if (digest.isPresent()) {
            return digest.get().equalsIgnoreCase(sha256);
        }
        if (asset.path("size").asLong(-1) != file.digests().size()) {
            return false;
        }
        return api.downloadSha256(asset.path("id").asLong()).equals(sha256);
    }
}
