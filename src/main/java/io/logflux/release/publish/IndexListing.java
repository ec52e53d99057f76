package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.publish.IndexRefusedException.Reason;
import io.logflux.release.units.Durations;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an index serves for one release: from the JSON API ({@code /pypi/<name>/<version>/json}) where there is one, and
 * from the simple index (PEP 691 JSON, or PEP 503 HTML from indexes without it). Read failures are retried with backoff;
 * a 404 means "nothing yet". A redirect is followed only on the index's own origin, credentials and all; one to another
 * server means the index does not have what was asked (pypiserver sends a project it lacks to its fallback index,
 * PyPI by default): that server is not asked, and it never sees the credentials.
 */
final class IndexListing {
    static final String SIMPLE_ACCEPT = "application/vnd.pypi.simple.v1+json, "
            + "application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";

    private final IndexClient client;
    private final AtomicBoolean toldElsewhere = new AtomicBoolean();

    IndexListing(IndexClient client) {
        this.client = client;
    }

    /** The release's files from the JSON API; empty when the index has no JSON API. */
    Optional<Map<String, RemoteFile>> fromJsonApi(String normalizedName, String version) {
        Optional<URI> uri = client.index().releaseJson(normalizedName, version);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        HttpReply reply = readJson(uri.get());
        try {
            return Optional.of(reply.absent() ? new LinkedHashMap<>() : ListingPages.ofJsonApi(reply.body()));
        } catch (IOException e) {
            throw new ReleaseException("The JSON API at " + uri.get() + " answered with something that is not JSON ("
                    + e.getMessage() + "). Check the repository URL, or give --json-url.", e);
        }
    }

    /**
     * False when the JSON API does not know the project at all ({@code /pypi/<name>/json} is 404) although its simple
     * page exists: the index has no JSON API under the derived URL, only a simple index.
     */
    boolean jsonApiKnowsProject(String normalizedName) {
        Optional<URI> uri = client.index().jsonApiUrl().map(base -> base.resolve(normalizedName + "/json"));
        return uri.isPresent() && !readJson(uri.get()).absent();
    }

    /** Every file of the project on the simple index (PEP 691 JSON or PEP 503 HTML); empty if the project is absent. */
    Map<String, RemoteFile> fromSimpleIndex(String normalizedName) {
        URI page = client.index().simplePage(normalizedName);
        HttpReply reply = read(page, SIMPLE_ACCEPT);
        if (reply.absent()) {
            return new LinkedHashMap<>();
        }
        if (!reply.contentType().contains("json")) {
            return ListingPages.ofSimpleHtml(reply.body(), page);
        }
        try {
            return ListingPages.ofSimpleJson(reply.body());
        } catch (IOException e) {
            throw new ReleaseException("The simple index page " + page + " is not valid JSON (" + e.getMessage()
                    + "). Check --simple-url.", e);
        }
    }

    /** Both listings merged: the JSON API's entries win (they carry every digest), the simple index fills gaps. */
    Map<String, RemoteFile> release(String normalizedName, String version) {
        Map<String, RemoteFile> merged = new LinkedHashMap<>(fromJsonApi(normalizedName, version).orElse(Map.of()));
        fromSimpleIndex(normalizedName).forEach(merged::putIfAbsent);
        return merged;
    }

    /** A JSON API document (retried like every read); 404 and a redirect elsewhere are returned as absent. */
    HttpReply readJson(URI uri) {
        return read(uri, "application/json");
    }

    /**
     * A read, retried; redirects on the index's origin are followed (fewer than the attempts), 404 and a redirect to
     * another server are returned (both {@link HttpReply#absent()}), refusals are thrown.
     */
    private HttpReply read(URI start, String accept) {
        int attempts = client.settings().attempts();
        URI[] target = {start};
        int[] redirects = {0};
        return client.retry().run(Schedule.of(client.settings()), number -> {
            URI uri = target[0];
            // A retry goes on a new connection: the one that failed may be half-closed, its pool mates too.
            HttpReply reply = client.http().get(uri, accept, client.readCredentials(), number > 1);
            int status = reply.status();
            if (reply.ok() || status == 404) {
                return Retry.Outcome.done(reply);
            }
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            if (redirect && reply.location() != null) {
                URI next = Origins.resolve(uri, reply.location()).orElseThrow(() -> new IndexRefusedException(
                        Reason.UNEXPECTED, reply, null, uri + " redirects (HTTP " + status + ") to an address that "
                        + "is not a URL. Check the repository URL (and --simple-url / --json-url)."));
                if (!Origins.same(start, next)) {
                    tellElsewhere(uri, status, next);
                    return Retry.Outcome.done(reply.elsewhere());
                }
                if (redirects[0] < attempts - 1) {
                    redirects[0]++;
                    target[0] = next;
                    return Retry.Outcome.resend("HTTP " + status + " to " + target[0], null);
                }
            }
            if (status == 401 || status == 403) {
                throw new IndexRefusedException(Reason.TOKEN, reply, null, "The index refused to list " + uri
                        + " (HTTP " + status + saying(reply) + "). If reads on this index need a login, the "
                        + "credentials used for uploading must also be allowed to read.");
            }
            if (!(reply.serverError() || status == 429)) {
                throw new IndexRefusedException(Reason.UNEXPECTED, reply, null, "Unexpected HTTP " + status + " from "
                        + uri + saying(reply) + ". Check the repository URL (and --simple-url / --json-url for "
                        + "private indexes).");
            }
            IOException failure = new IOException("HTTP " + status + saying(reply));
            return Retry.Outcome.retry(failure.getMessage(), reply.retryAfterDuration().orElse(null), failure);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int tries, String problem, Throwable cause) {
                return new IndexUnreachableException("Cannot read " + target[0] + " from " + client.index().describe()
                        + " after " + attempts + " attempts: " + problem + ". Check the network and the index's status "
                        + "page, then run again.", cause);
            }

            @Override
            public String retrying(String problem, Duration wait, int next) {
                return "Reading " + target[0] + " failed (" + problem + "); retrying in " + Durations.human(wait)
                        + " (attempt " + (next + redirects[0]) + " of " + attempts + ").";
            }
        });
    }

    private void tellElsewhere(URI uri, int status, URI next) {
        if (!toldElsewhere.getAndSet(true)) {
            client.log().accept(uri + " redirects (HTTP " + status + ") to another server, " + Origins.of(next)
                    + ": taken as not on " + client.index().describe() + " (pypiserver sends a project it does not "
                    + "have to its fallback index); that server was not asked.");
        }
    }

    private static String saying(HttpReply reply) {
        return reply.message().isEmpty() ? "" : ": " + reply.message();
    }
}
