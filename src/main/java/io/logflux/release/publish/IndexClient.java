package io.logflux.release.publish;

import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Sleeper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything this tool asks of one package index, over one set of connections: the token probe, uploads, and the
 * listings (JSON API and simple index). It owns the index, the credentials, the HTTP plumbing ({@link IndexHttp}),
 * the settings and the one retry loop; {@link TokenProbe}, {@link FileUploader} and {@link IndexListing} are its parts.
 */
public final class IndexClient implements AutoCloseable {
    private final PackageIndex index;
    private final IndexCredentials credentials;
    private final HttpSettings settings;
    private final Retry retry;
    private final Consumer<String> log;
    private final IndexHttp http;
    private final IndexListing listing;

    /**
     * @param credentials for uploads and the token probe, and for reads on private indexes (pypi.org's reads are
     *                    public; its upload token has no business there); null for a client that only reads
     */
    public IndexClient(PackageIndex index, IndexCredentials credentials, HttpSettings settings, Sleeper sleeper,
                       Consumer<String> log) {
        this.index = index;
        this.credentials = credentials;
        this.settings = settings;
        this.retry = new Retry(sleeper, log);
        this.log = log;
        this.http = new IndexHttp(settings);
        this.listing = new IndexListing(this);
    }

    /** What the upload URL says of the token (see {@link TokenProbe}). */
    public TokenProbe.Result probeToken() {
        return TokenProbe.result(TokenProbe.ask(this));
    }

    /**
     * Stops with a refusal when the index does not know the token or the URL does not take uploads; otherwise the
     * body layout the index's answers allow (see {@link TokenProbe}).
     */
    BodyLayout checkToken(DistFile first) {
        return TokenProbe.check(this, first);
    }

    /**
     * Uploads one file (see {@link FileUploader}); {@code uploadedBefore} names the files of this batch already up;
     * {@code layout} as the token probe chose it ({@link UploadBody}).
     */
    PublishedFile upload(OutgoingFile file, List<String> uploadedBefore, Duration progressInterval,
                         BodyLayout layout) {
        return new FileUploader(this, progressInterval, layout).upload(file, uploadedBefore);
    }

    /** The release's files on the index: the JSON API's and the simple index's listings merged. */
    Map<String, RemoteFile> release(String normalizedName, String version) {
        return listing.release(normalizedName, version);
    }

    /** Every file of the project on the simple index; empty if the project is absent. */
    Map<String, RemoteFile> simplePage(String normalizedName) {
        return listing.fromSimpleIndex(normalizedName);
    }

    /** The release's files from the JSON API; empty when the index has no JSON API. */
    Optional<Map<String, RemoteFile>> jsonApi(String normalizedName, String version) {
        return listing.fromJsonApi(normalizedName, version);
    }

    /** False when the JSON API does not know the project at all (the index has no JSON API there). */
    boolean jsonApiKnowsProject(String normalizedName) {
        return listing.jsonApiKnowsProject(normalizedName);
    }

    /** A JSON API document, retried like every read; 404 is returned, not thrown. */
    HttpReply readJson(URI uri) {
        return listing.readJson(uri);
    }

    /** PATCHes a JSON document with the credentials, once (setting the same state twice is harmless). */
    HttpReply patchJson(URI uri, String json) throws IOException {
        return http.patchJson(uri, json, credentials);
    }

    PackageIndex index() {
        return index;
    }

    IndexCredentials credentials() {
        return credentials;
    }

    /** Sent with reads only to private indexes. */
    IndexCredentials readCredentials() {
        return index.isWarehouseHosted() ? null : credentials;
    }

    HttpSettings settings() {
        return settings;
    }

    Retry retry() {
        return retry;
    }

    Consumer<String> log() {
        return log;
    }

    IndexHttp http() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }
}
