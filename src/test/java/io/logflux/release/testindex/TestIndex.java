package io.logflux.release.testindex;

import io.logflux.release.rehearsal.ContentDigests;
import io.logflux.release.rehearsal.RehearsalIndex;
import io.logflux.release.rehearsal.StoredFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rehearsal index as the tests' PyPI, with the knobs a test turns: faults for the next uploads, files that show up
 * late, the ways other indexes differ from warehouse, and what the index saw. {@code TestIndex.start(dir)}, or
 * {@link TestIndexExtension} for one per test.
 */
public final class TestIndex implements AutoCloseable {
    private final RehearsalIndex index;
    private final HiddenFiles hidden;
    private final TestIndexHandler handler;

    private TestIndex(Path dir) {
        this.hidden = new HiddenFiles();
        this.handler = new TestIndexHandler(hidden);
        this.index = RehearsalIndex.start(dir, handler, hidden);
        handler.attach(index.storage());
    }

    /** Starts an index on a free loopback port, keeping its files under {@code dir}. */
    public static TestIndex start(Path dir) {
        return new TestIndex(dir);
    }

    public String baseUrl() {
        return index.baseUrl();
    }

    public String uploadUrl() {
        return index.uploadUrl();
    }

    public String simpleUrl() {
        return index.simpleUrl();
    }

    public String jsonApiUrl() {
        return index.jsonApiUrl();
    }

    /** Accepts {@code token} (as password of {@code __token__}), for every project or only the ones named. */
    public TestIndex acceptToken(String token, String... projects) {
        index.acceptToken(token, projects);
        return this;
    }

    public TestIndex failNextUploads(Fault... next) {
        handler.failNextUploads(List.of(next));
        return this;
    }

    /** How long a {@link Fault#STALL} keeps the upload waiting before the connection closes. */
    public TestIndex stallMillis(long millis) {
        handler.stallMillis(millis);
        return this;
    }

    /** Every file stored from now on is missing from the next {@code reads} JSON API and simple page reads. */
    public TestIndex hideNewFilesForReads(int reads) {
        hidden.hideForReads(reads);
        return this;
    }

    /** Every file stored from now on is missing from the JSON API and simple pages for this long (a lagging CDN). */
    public TestIndex hideNewFilesFor(Duration delay) {
        hidden.hideFor(delay);
        return this;
    }

    public TestIndex maxFileBytes(long bytes) {
        index.maxFileBytes(bytes);
        return this;
    }

    /** Answers a re-upload of a file it has with 409, as pypiserver does, instead of warehouse's silent 200. */
    public TestIndex conflictOnIdenticalReupload(boolean conflict) {
        handler.conflictOnIdenticalReupload(conflict);
        return this;
    }

    /** Serves the simple API as PEP 503 HTML only, as most private indexes do. */
    public TestIndex htmlOnlySimpleApi() {
        handler.htmlOnlySimpleApi();
        return this;
    }

    /** Removes the JSON API (404 everywhere under /pypi/), as pypiserver and most private indexes. */
    public TestIndex withoutJsonApi() {
        handler.withoutJsonApi();
        return this;
    }

    /** Yanks a release, as its owner would on the web page. */
    public TestIndex yank(String project, String version, String reason) {
        index.storage().yank(project, version, reason);
        return this;
    }

    /** A person yanks the release by hand after the next {@code reads} JSON API reads of it. */
    public TestIndex yankAfterReads(String project, String version, String reason, int reads) {
        handler.yankAfterReads(project, version, reason, reads);
        return this;
    }

    public boolean isYanked(String project, String version) {
        return index.storage().yankReason(project, version).isPresent();
    }

    /** Serves warehouse's proposed yank API (PR 16912): PATCH /api/projects/&lt;name&gt;/&lt;version&gt;. */
    public TestIndex withYankApi() {
        handler.withYankApi();
        return this;
    }

    /** Stores a file as if it had been uploaded earlier (another run, another person). */
    public StoredFile preload(Path file, String project, String version) {
        try {
            Path copy = Files.createTempFile(index.storage().incoming(), "preload", ".bin");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            String name = file.getFileName().toString();
            StoredFile stored = index.storage().store(project, version, name,
                    name.endsWith(".whl") ? "bdist_wheel" : "sdist", null, copy, ContentDigests.of(copy));
            hidden.stored(List.of(stored));
            return stored;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<StoredFile> files() {
        return index.files();
    }

    /** How many times a file of this name was written to storage (a correct client never causes two). */
    public int writes(String filename) {
        return (int) index.files().stream().filter(f -> f.filename().equals(filename)).count();
    }

    /** POSTs to the upload URL that carried a body over 1 KiB. */
    public int uploadRequests() {
        return handler.uploadRequests();
    }

    /** "METHOD path -> status" per request, as its answer started; "-> 0" for a connection closed instead. */
    public List<String> requestLog() {
        return handler.requestLog();
    }

    /** The non-empty text fields of the last request that carried a file, in the order received. */
    public List<Map.Entry<String, String>> lastForm() {
        return handler.lastForm();
    }

    public Set<String> usernamesSeen() {
        return handler.usernamesSeen();
    }

    @Override
    public void close() {
        index.close();
    }
}
