package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.ReleaseException;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.Sleeper;
import io.logflux.release.publish.FileSnapshot;
import io.logflux.release.units.Durations;
import io.logflux.release.version.Pep440Version;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Attaches a release's files to its GitHub release so that a run either completes the release or leaves a draft a
 * re-run finishes: the tag must exist (and point at the build's commit, when given); the release is found (published
 * by tag, or a draft by listing) or created as a draft (looked for again before a failed create is retried); each
 * file is attached by {@link AssetAttacher}; only when every asset is there is the draft published.
 */
public final class GitHubReleaser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubApi api;
    private final Consumer<String> log;
    private final Retry retry;
    private final Schedule schedule;
    private final AssetAttacher attacher;
    private final Path tempRoot;

    GitHubReleaser(GitHubApi api, HttpSettings settings, Sleeper sleeper, Consumer<String> log) {
        this(api, settings, sleeper, log, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@code tempRoot}: where a run without a work directory of its own keeps {@code SHA256SUMS} meanwhile. */
    GitHubReleaser(GitHubApi api, HttpSettings settings, Sleeper sleeper, Consumer<String> log, Path tempRoot) {
        this.tempRoot = tempRoot;
        this.api = api;
        this.log = log;
        this.retry = new Retry(sleeper, log);
        this.schedule = Schedule.of(settings);
        this.attacher = new AssetAttacher(api, retry, schedule, log);
    }

    /** A releaser talking to GitHub (or GitHub Enterprise Server) at {@code endpoint}. */
    public static GitHubReleaser connect(GitHubEndpoint endpoint, GitHubToken token, GitHubRepo repo,
                                         HttpSettings settings, Sleeper sleeper, Consumer<String> log) {
        return new GitHubReleaser(GitHubApi.connect(endpoint, token, repo, settings, sleeper, log), settings, sleeper,
                log);
    }

    /** Releases {@code request.files()}, read here once. */
    public GitHubReleaseReport release(GitHubReleaseRequest request, Path workDir) {
        return release(request, request.files().stream().map(FileSnapshot::of).toList(), workDir);
    }

    /** Releases {@code request.files()}, read here once; {@code SHA256SUMS} is written to a temporary directory. */
    public GitHubReleaseReport release(GitHubReleaseRequest request) {
        return release(request, request.files().stream().map(FileSnapshot::of).toList());
    }

    /**
     * Releases the files as they were read; {@code SHA256SUMS} is written to a temporary directory that is removed
     * when the run ends, whether it succeeded or not.
     */
    public GitHubReleaseReport release(GitHubReleaseRequest request, List<FileSnapshot> files) {
        try (ScratchDir scratch = ScratchDir.create(tempRoot, "logflux-github-")) {
            return release(request, files, scratch.path());
        }
    }

    /**
     * Releases the distribution files as they were read ({@code files}: their digests are not computed again); the
     * {@code SHA256SUMS} asset, when asked for, is written into {@code workDir} from those digests.
     */
    public GitHubReleaseReport release(GitHubReleaseRequest request, List<FileSnapshot> files, Path workDir) {
        String where = "tag " + request.tag() + " of " + request.repo();
        if (files.isEmpty()) {
            throw new ReleaseException("No files to attach to the GitHub release of " + where + ".");
        }
        String taggedCommit = taggedCommit(request);
        List<FileSnapshot> attached = new ArrayList<>(files);
        if (request.checksums()) {
            attached.add(ChecksumsFile.write(files, workDir));
        }
        boolean created = false;
        JsonNode release = api.publishedRelease(request.tag()).orElse(null);
        List<JsonNode> listed = release != null ? List.of() : api.releases();
        if (release == null) {
            release = GitHubApi.withTag(listed, request.tag()).orElse(null);
        }
        if (release == null) {
            release = createDraft(request, taggedCommit);
            created = true;
        } else {
            log.accept("GitHub: found " + (release.path("draft").asBoolean() ? "the draft" : "the published")
                    + " release of " + where + " (" + release.path("html_url").asText() + ").");
        }
        long releaseId = release.path("id").asLong();
        List<ReleasedAsset> assets = new ArrayList<>();
        for (FileSnapshot file : attached) {
            assets.add(attacher.attach(release, file, request));
        }
        verifyAssets(releaseId, attached, where);
        boolean draft = release.path("draft").asBoolean();
        if (draft && !request.keepDraft()) {
            ObjectNode publish = JSON.createObjectNode();
            publish.put("draft", false);
            publish.put("make_latest", request.latest().makeLatest(request.tag(), request.version(), listed));
            release = api.updateRelease(releaseId, publish);
            draft = release.path("draft").asBoolean();
            log.accept("GitHub: published the release of " + where + ": " + release.path("html_url").asText());
        }
        GitHubReleaseReport report = new GitHubReleaseReport(request.repo().toString(), request.tag(), releaseId,
                release.path("html_url").asText(), draft, created, assets);
        log.accept(report.summary());
        return report;
    }

    /**
     * The commit the tag points at (annotated tags peeled), after checking that the tag exists and, when the build's
     * commit is known, that it is that commit.
     */
    private String taggedCommit(GitHubReleaseRequest request) {
        JsonNode ref = api.tagRef(request.tag()).orElseThrow(() -> new ReleaseException("Tag " + request.tag()
                + " does not exist in " + request.repo() + ". Push it first (git push origin " + request.tag()
                + "): a release is made for an existing tag only, so that it cannot silently tag another commit."));
        JsonNode object = ref.path("object");
        String sha = object.path("type").asText().equals("tag") ? api.peelTag(object.path("sha").asText())
                : object.path("sha").asText();
        if (request.commit().isPresent()) {
            String commit = request.commit().get().strip();
            if (!sha.startsWith(commit) && !commit.startsWith(sha)) {
                throw new ReleaseException("Tag " + request.tag() + " in " + request.repo() + " points at " + sha
                        + ", but this build is of " + commit + ". Release from the tagged commit (a tag build), or "
                        + "move the tag if it is wrong.");
            }
        }
        return sha;
    }

    /**
     * Creates the draft with the tag's commit as {@code target_commitish}: without one GitHub judges the request by
     * the default branch's head (its workflow-file rule) and may refuse it with a 404 or 403.
     */
    private JsonNode createDraft(GitHubReleaseRequest request, String taggedCommit) {
        ObjectNode body = JSON.createObjectNode();
        body.put("tag_name", request.tag());
        body.put("target_commitish", taggedCommit);
        body.put("name", request.name());
        String notes = request.notes().get();
        String capped = ReleaseNotes.capped(notes, api.webFileAt(request.tag(),
                GitHubReleaseRequest.DEFAULT_NOTES_FILE));
        if (capped.length() < notes.length()) {
            log.accept("GitHub: the release notes have " + notes.length() + " characters, more than GitHub takes ("
                    + ReleaseNotes.MAX_BODY + "); they are cut, with a link to " + GitHubReleaseRequest.DEFAULT_NOTES_FILE
                    + ".");
        }
        body.put("body", capped);
        body.put("draft", true);
        body.put("prerelease", isPrerelease(request.version()));
        DraftCreation creation = new DraftCreation(request, body);
        return retry.run(schedule, creation, creation);
    }

    /**
     * Creating a release is not idempotent: the release may have been created although the answer failed, or by a
     * parallel run, so GitHub is looked at before the request is sent again.
     */
    private final class DraftCreation implements Retry.Attempt<JsonNode>, Retry.Plan<JsonNode> {
        private final GitHubReleaseRequest request;
        private final ObjectNode body;
        private boolean sentBefore;

        DraftCreation(GitHubReleaseRequest request, ObjectNode body) {
            this.request = request;
            this.body = body;
        }

        @Override
        public Retry.Outcome<JsonNode> run(int number) {
            GitHubReply reply;
            try {
                reply = api.createRelease(body, sentBefore);
            } catch (GitHubUnreachableException e) {
                sentBefore = true;
                if (e.staleConnection()) {
                    log.accept("GitHub: creating the release failed (" + e.getCause().getMessage() + "); looking "
                            + "for it, then sending it again on a new connection.");
                    return existing().map(Retry.Outcome::done).orElseGet(() -> Retry.Outcome.resend(e.getMessage(), e));
                }
                return Retry.Outcome.retry("no answer", null, e);
            }
            if (reply.ok()) {
                JsonNode release = reply.json();
                log.accept("GitHub: created a draft release for tag " + request.tag() + " of " + request.repo()
                        + " (" + release.path("html_url").asText() + ").");
                return Retry.Outcome.done(release);
            }
            sentBefore = true;
            Duration limited = api.rateLimitWait(reply).orElse(null);
            GitHubException refused = api.failure(reply, "create the release for tag " + request.tag());
            boolean exists = reply.hasErrorCode("already_exists");
            if (limited == null && !(reply.status() >= 500 || exists)) {
                throw refused;
            }
            Optional<JsonNode> existing = exists ? existing() : Optional.empty();
            return existing.map(Retry.Outcome::done).orElseGet(() -> Retry.Outcome.retry("HTTP " + reply.status()
                    + (limited == null ? "" : ", rate limited"), limited, refused));
        }

        @Override
        public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
            // The attempts above always hand over the GitHub exception that ended the last one.
            return cause instanceof RuntimeException last ? last : new GitHubUnreachableException("GitHub: creating "
                    + "the release failed (" + problem + ") after " + attempts + " attempts. Run again.", cause);
        }

        @Override
        public String retrying(String problem, Duration wait, int next) {
            return "GitHub: creating the release failed (" + problem + "); retrying in " + Durations.human(wait) + ".";
        }

        @Override
        public Optional<JsonNode> beforeRetry(int attemptsSoFar) {
            return existing();
        }

        private Optional<JsonNode> existing() {
            Optional<JsonNode> existing = api.release(request.tag());
            existing.ifPresent(r -> log.accept("GitHub: the release of tag " + request.tag() + " exists after all; "
                    + "using it."));
            return existing;
        }
    }

    private void verifyAssets(long releaseId, List<FileSnapshot> files, String where) {
        List<JsonNode> assets = api.assets(releaseId);
        List<String> problems = new ArrayList<>();
        for (FileSnapshot file : files) {
            String name = file.fileName();
            Optional<JsonNode> asset = AssetState.named(assets, name);
            long size = file.digests().size();
            Optional<String> sha256 = asset.flatMap(AssetState::sha256);
            if (asset.isEmpty()) {
                problems.add(name + " is missing");
            } else if (!AssetState.complete(asset.get()) || asset.get().path("size").asLong() != size) {
                problems.add(name + " is " + AssetState.describe(asset.get()) + ", expected " + size + " bytes");
            } else if (sha256.isPresent() && !sha256.get().equals(file.digests().sha256())) {
                problems.add(name + " has sha256 " + sha256.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseException("The GitHub release of " + where + " does not hold the files as uploaded: "
                    + String.join("; ", problems) + ". It was left unpublished; run again to finish it.");
        }
    }

    static boolean isPrerelease(String version) {
        return Pep440Version.tryParse(version).map(v -> v.isPrerelease() || v.isDevrelease()).orElse(false);
    }
}
