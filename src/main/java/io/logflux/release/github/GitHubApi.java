package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.http.FileBody;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import okhttp3.MediaType;
import okhttp3.RequestBody;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The release, asset and git-ref operations of the REST API (shared/reference/github-api.md §1.2), each failure a
 * {@link GitHubException} that quotes GitHub and names the repository and the token's origin.
 */
final class GitHubApi implements AutoCloseable {
    /** GitHub's largest page; its default of 30 would mean three times the requests. */
    static final int PER_PAGE = 100;
    /** A guard against a Link header that never ends (100,000 releases); reaching it is an error, never a cut. */
    static final int MAX_PAGES = 1000;

    private final GitHubHttp http;
    private final GitHubRepo repo;
    private final String tokenSource;
    private final int maxPages;

    GitHubApi(GitHubHttp http, GitHubRepo repo, String tokenSource) {
        this(http, repo, tokenSource, MAX_PAGES);
    }

    GitHubApi(GitHubHttp http, GitHubRepo repo, String tokenSource, int maxPages) {
        this.http = http;
        this.repo = repo;
        this.tokenSource = tokenSource;
        this.maxPages = maxPages;
    }

    /** The API of {@code repo} at {@code endpoint}, on the real clock with a second between writes. */
    static GitHubApi connect(GitHubEndpoint endpoint, GitHubToken token, GitHubRepo repo, HttpSettings settings,
                             Sleeper sleeper, Consumer<String> log) {
        return new GitHubApi(GitHubHttp.connect(endpoint, token, settings, sleeper, log), repo, token.source());
    }

    /** The published release of a tag; empty if there is none (drafts are not found by tag). */
    Optional<JsonNode> publishedRelease(String tag) {
        GitHubReply reply = get(repo.apiPath() + "releases/tags/" + encode(tag));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect(reply, "read the release of tag " + tag));
    }

    /** The release of a tag: the published one, else a draft (drafts are found only by listing). */
    Optional<JsonNode> release(String tag) {
        Optional<JsonNode> published = publishedRelease(tag);
        if (published.isPresent()) {
            return published;
        }
        return withTag(releases(), tag);
    }

    static Optional<JsonNode> withTag(List<JsonNode> releases, String tag) {
        return releases.stream().filter(r -> r.path("tag_name").asText().equals(tag)).findFirst();
    }

    /** Every release, drafts included (a token that may push sees them), all pages. */
    List<JsonNode> releases() {
        return pages(repo.apiPath() + "releases?per_page=" + PER_PAGE, "list the releases");
    }

    /** Sends the create request once: creating is not idempotent, the caller looks before retrying. */
    GitHubReply createRelease(ObjectNode body, boolean freshConnection) {
        return http.once("POST", http.endpoint().resolve(repo.apiPath() + "releases"), json(body), freshConnection);
    }

    JsonNode updateRelease(long id, ObjectNode body) {
        return expect(http.call("PATCH", http.endpoint().resolve(repo.apiPath() + "releases/" + id), json(body), true),
                "update release " + id);
    }

    /** Deletes a release; false when it was already gone. */
    boolean deleteRelease(long id) {
        GitHubReply reply = http.call("DELETE", http.endpoint().resolve(repo.apiPath() + "releases/" + id), null, true);
        if (reply.status() == 404) {
            return false;
        }
        expect(reply, "delete release " + id);
        return true;
    }

    List<JsonNode> assets(long releaseId) {
        return pages(repo.apiPath() + "releases/" + releaseId + "/assets", "list the assets of release " + releaseId);
    }

    JsonNode asset(long id) {
        return expect(get(repo.apiPath() + "releases/assets/" + id), "read asset " + id);
    }

    JsonNode updateAsset(long id, ObjectNode body) {
        return expect(http.call("PATCH", http.endpoint().resolve(repo.apiPath() + "releases/assets/" + id), json(body),
                true), "update asset " + id);
    }

    /** Deletes an asset; false when it was already gone. */
    boolean deleteAsset(long id) {
        GitHubReply reply = http.call("DELETE", http.endpoint().resolve(repo.apiPath() + "releases/assets/" + id), null,
                true);
        if (reply.status() == 404) {
            return false;
        }
        expect(reply, "delete asset " + id);
        return true;
    }

    /**
     * Uploads a file to a release, once (the caller decides about retries after looking at the release): the release's
     * own {@code upload_url}, name then label as query parameters, the real Content-Type and Content-Length: {@code
     * size}, the file's when it was hashed (a file that no longer has it fails the upload).
     */
    GitHubReply uploadAsset(String uploadUrlTemplate, String name, String label, Path file, long size,
                            String contentType, boolean freshConnection) {
        String base = uploadUrlTemplate.contains("{") ? uploadUrlTemplate.substring(0, uploadUrlTemplate.indexOf('{'))
                : uploadUrlTemplate;
        String url = base + "?name=" + encode(name) + (label == null ? "" : "&label=" + encode(label));
        return http.upload(URI.create(url), new FileBody(file, size, MediaType.get(contentType)), freshConnection);
    }

    /** How long GitHub asks to wait before this request may be sent again; empty when it is not a rate limit. */
    Optional<Duration> rateLimitWait(GitHubReply reply) {
        return http.rateLimitWait(reply);
    }

    /** The sha256 of an asset's bytes, downloaded (for assets GitHub lists without a digest). */
    String downloadSha256(long assetId) {
        return http.download(http.endpoint().resolve(repo.apiPath() + "releases/assets/" + assetId), in -> {
            MessageDigest sha256 = sha256();
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) > 0; ) {
                sha256.update(chunk, 0, n);
            }
            return HexFormat.of().formatHex(sha256.digest());
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tag's ref, or empty if the tag does not exist. */
    Optional<JsonNode> tagRef(String tag) {
        GitHubReply reply = get(repo.apiPath() + "git/ref/tags/" + encode(tag));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect(reply, "read tag " + tag));
    }

    /** The commit an annotated tag object points at. */
    String peelTag(String tagObjectSha) {
        return expect(get(repo.apiPath() + "git/tags/" + tagObjectSha), "read tag object " + tagObjectSha)
                .path("object").path("sha").asText();
    }

    /**
     * Deletes a ref such as {@code tags/v0.2.0}; false when it did not exist (GitHub answers 422 "Reference does not
     * exist" there, not 404).
     */
    boolean deleteRef(String ref) {
        GitHubReply reply = http.call("DELETE", http.endpoint().resolve(repo.apiPath() + "git/refs/" + ref), null,
                true);
        if (reply.status() == 422 && reply.message().contains("Reference does not exist")) {
            return false;
        }
        expect(reply, "delete " + ref);
        return true;
    }

    /** A file of the repository at a tag, on GitHub's web pages. */
    String webFileAt(String tag, String file) {
        return http.endpoint().webUrl().resolve(repo.owner() + "/" + repo.name() + "/blob/" + encode(tag) + "/"
                + file).toString();
    }

    GitHubRepo repo() {
        return repo;
    }

    @Override
    public void close() {
        http.close();
    }

    private GitHubReply get(String path) {
        return http.call("GET", http.endpoint().resolve(path), null, true);
    }

    /**
     * Every item of a list, following the {@code Link: <…>; rel="next"} pages GitHub hands out to the last one. A list
     * longer than {@code maxPages} pages ({@link #MAX_PAGES}) fails: acting on part of it could create a second release for a tag.
     */
    private List<JsonNode> pages(String path, String what) {
        List<JsonNode> all = new ArrayList<>();
        URI next = http.endpoint().resolve(path);
        for (int page = 1; next != null; page++) {
            if (page > maxPages) {
                throw new GitHubException("Could not " + what + " in " + repo + ": GitHub's pages go on past "
                        + maxPages + " (" + all.size() + " items so far), and acting on part of the list could do "
                        + "harm, so nothing was changed. Delete old drafts or releases, or report this if there are "
                        + "fewer.", 0);
            }
            GitHubReply reply = http.call("GET", next, null, true);
            expect(reply, what).forEach(all::add);
            next = reply.header("link").flatMap(GitHubApi::nextPage).map(URI::create).orElse(null);
        }
        return all;
    }

    static Optional<String> nextPage(String linkHeader) {
        for (String part : linkHeader.split(",")) {
            String[] pieces = part.split(";");
            if (pieces.length > 1 && pieces[0].strip().startsWith("<") && part.contains("rel=\"next\"")) {
                String url = pieces[0].strip();
                return Optional.of(url.substring(1, url.length() - 1));
            }
        }
        return Optional.empty();
    }

    JsonNode expect(GitHubReply reply, String what) {
        if (reply.ok()) {
            return reply.json();
        }
        throw failure(reply, what);
    }

    GitHubException failure(GitHubReply reply, String what) {
        String hint = switch (reply.status()) {
            case 401 -> "The token from " + tokenSource + " is not valid (expired or revoked): create a new one and "
                    + "store it there.";
            case 403 -> "The token from " + tokenSource + " may not do this: it needs 'contents: write' on " + repo
                    + " (fine-grained) or the 'repo' scope (classic), and SSO authorization for organizations that "
                    + "require it.";
            case 404 -> "Either " + repo + " does not exist or the token from " + tokenSource + " cannot see it "
                    + "(GitHub answers 404 rather than 403 then).";
            default -> "";
        };
        return new GitHubException("GitHub refused to " + what + " in " + repo + ": HTTP " + reply.status()
                + (reply.message().isEmpty() ? "" : " \"" + reply.message() + "\"") + "." + (hint.isEmpty() ? ""
                : " " + hint), reply.status());
    }

    private static RequestBody json(ObjectNode body) {
        return RequestBody.create(body.toString(), GitHubHttp.JSON);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
