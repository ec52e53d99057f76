package io.logflux.release.publish;

import io.logflux.release.http.Failures;

import io.logflux.release.units.Durations;

import io.logflux.release.http.HttpSettings;

import io.logflux.release.http.Sleeper;

import io.logflux.release.http.Backoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logflux.release.ReleaseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an index serves for one release: from the JSON API ({@code /pypi/<name>/<version>/json}) where there is one, and
 * from the simple index (PEP 691 JSON, or PEP 503 HTML from indexes without it). Read failures are retried with backoff;
 * a 404 means "nothing yet".
 */
final class IndexListing {
    static final String SIMPLE_ACCEPT = "application/vnd.pypi.simple.v1+json, "
            + "application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANCHOR = Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*([\"'])(.*?)\\1[^>]*>(.*?)</a>");

    private final PackageIndex index;
    private final IndexHttp http;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final IndexCredentials readCredentials;
    private final Consumer<String> log;

    /**
     * @param readCredentials sent on reads only to private indexes (pypi.org's reads are public; its upload token
     *                        has no business there); may be null
     */
    IndexListing(PackageIndex index, IndexHttp http, HttpSettings settings, Sleeper sleeper,
                 IndexCredentials readCredentials, Consumer<String> log) {
        this.index = index;
        this.http = http;
        this.settings = settings;
        this.sleeper = sleeper;
        this.readCredentials = index.isWarehouseHosted() ? null : readCredentials;
        this.log = log;
    }

    /** The release's files from the JSON API; empty when the index has no JSON API. */
    Optional<Map<String, RemoteFile>> fromJsonApi(String normalizedName, String version) {
        Optional<URI> uri = index.releaseJson(normalizedName, version);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        HttpReply reply = read(uri.get(), "application/json");
        Map<String, RemoteFile> files = new LinkedHashMap<>();
        if (reply.status() == 404) {
            return Optional.of(files);
        }
        try {
            JsonNode urls = JSON.readTree(reply.body()).path("urls");
            for (JsonNode u : urls) {
                String name = u.path("filename").asText("");
                if (!name.isEmpty()) {
                    files.put(name, new RemoteFile(name, text(u.path("digests").path("sha256")), text(u.path("url"))));
                }
            }
        } catch (IOException e) {
            throw new ReleaseException("The JSON API at " + uri.get() + " answered with something that is not JSON ("
                    + e.getMessage() + "). Check the repository URL, or give --json-url.", e);
        }
        return Optional.of(files);
    }

    /**
     * False when the JSON API does not know the project at all ({@code /pypi/<name>/json} is 404) although its simple
     * page exists: the index has no JSON API under the derived URL, only a simple index.
     */
    boolean jsonApiKnowsProject(String normalizedName) {
        Optional<URI> uri = index.jsonApiUrl().map(base -> base.resolve(normalizedName + "/json"));
        return uri.isPresent() && read(uri.get(), "application/json").status() != 404;
    }

    /** Every file of the project on the simple index (PEP 691 JSON or PEP 503 HTML); empty if the project is absent. */
    Map<String, RemoteFile> fromSimpleIndex(String normalizedName) {
        URI page = index.simplePage(normalizedName);
        HttpReply reply = read(page, SIMPLE_ACCEPT);
        Map<String, RemoteFile> files = new LinkedHashMap<>();
        if (reply.status() == 404) {
            return files;
        }
        if (reply.contentType().contains("json")) {
            try {
                for (JsonNode f : JSON.readTree(reply.body()).path("files")) {
                    String name = f.path("filename").asText("");
                    if (!name.isEmpty()) {
                        files.put(name, new RemoteFile(name, text(f.path("hashes").path("sha256")), text(f.path("url"))));
                    }
                }
            } catch (IOException e) {
                throw new ReleaseException("The simple index page " + page + " is not valid JSON (" + e.getMessage()
                        + "). Check --simple-url.", e);
            }
            return files;
        }
        Matcher m = ANCHOR.matcher(reply.body());
        while (m.find()) {
            String href = m.group(2).replace("&amp;", "&");
            String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
            String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
            String name = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            Optional<String> sha = fragment.startsWith("sha256=") ? Optional.of(fragment.substring(7)) : Optional.empty();
            files.put(name, new RemoteFile(name, sha, Optional.of(page.resolve(path).toString())));
        }
        return files;
    }

    /** Both listings merged: the JSON API's entries win (they carry every digest), the simple index fills gaps. */
    Map<String, RemoteFile> release(String normalizedName, String version) {
        Map<String, RemoteFile> merged = new LinkedHashMap<>(fromJsonApi(normalizedName, version).orElse(Map.of()));
        fromSimpleIndex(normalizedName).forEach(merged::putIfAbsent);
        return merged;
    }

    /** A JSON API document (retried like every read); 404 is returned, not thrown. */
    HttpReply readJson(URI uri) {
        return read(uri, "application/json");
    }

    private HttpReply read(URI uri, String accept) {
        IOException last = null;
        Backoff backoff = new Backoff(settings);
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            Duration retryAfter = null;
            try {
                // A retry goes on a new connection: the one that failed may be half-closed, its pool mates too.
                HttpReply reply = http.get(uri, accept, readCredentials, attempt > 1);
                if (reply.ok() || reply.status() == 404) {
                    return reply;
                }
                if (reply.status() == 301 || reply.status() == 302 || reply.status() == 307 || reply.status() == 308) {
                    if (reply.location() != null && attempt < settings.attempts()) {
                        uri = uri.resolve(reply.location());
                        continue;
                    }
                }
                if (reply.status() == 401 || reply.status() == 403) {
                    throw new ReleaseException("The index refused to list " + uri + " (HTTP " + reply.status()
                            + (reply.message().isEmpty() ? "" : ": " + reply.message()) + "). If reads on this index "
                            + "need a login, the credentials used for uploading must also be allowed to read.");
                }
                if (!(reply.serverError() || reply.status() == 429)) {
                    throw new ReleaseException("Unexpected HTTP " + reply.status() + " from " + uri
                            + (reply.message().isEmpty() ? "" : ": " + reply.message())
                            + ". Check the repository URL (and --simple-url / --json-url for private indexes).");
                }
                retryAfter = reply.retryAfterDuration().orElse(null);
                last = new IOException("HTTP " + reply.status() + (reply.message().isEmpty() ? ""
                        : ": " + reply.message()));
            } catch (IOException e) {
                last = e;
            }
            if (attempt < settings.attempts()) {
                Duration wait = backoff.delay(attempt, retryAfter);
                log.accept("Reading " + uri + " failed (" + Failures.describe(last) + "); retrying in " + Durations.human(wait)
                        + " (attempt " + (attempt + 1) + " of " + settings.attempts() + ").");
                sleeper.sleep(wait);
            }
        }
        throw new IndexUnreachableException("Cannot read " + uri + " from " + index.describe() + " after "
                + settings.attempts() + " attempts: " + Failures.describe(last) + ". Check the network and the index's status "
                + "page, then run again.", last);
    }


    private static Optional<String> text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? Optional.empty()
                : Optional.of(node.asText());
    }
}
