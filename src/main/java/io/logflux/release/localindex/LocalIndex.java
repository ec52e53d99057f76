package io.logflux.release.localindex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.BlockingHandler;
import io.logflux.release.publish.FileDigests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A PyPI-compatible package index on 127.0.0.1: warehouse's legacy upload API (its order of checks, its error texts,
 * its JSON error bodies), the JSON API (with yank fields, and warehouse's proposed yank API when enabled), the simple
 * API (PEP 691 JSON and PEP 503 HTML) and file downloads. {@code release --rehearse} runs the whole release against
 * it with no network and no token; the tests use it as PyPI's stand-in. It is calibrated in the test suite
 * ({@code TestIndexCalibrationTest}): real twine uploads to it and real pip installs from it. Faults can be injected
 * into the next uploads, and new files can be hidden from a number of reads to play a CDN that lags.
 * Facts: shared/reference/pypi-protocol.md §1 and §4.
 */
public final class LocalIndex implements AutoCloseable {
    /** What the next upload requests (those with a body over 1 KiB; an empty probe form is smaller) run into. */
    public enum Fault {
        /** The connection is closed before any of the body is read. Nothing is stored. */
        RESET_BEFORE_BODY,
        /** The connection is closed after half of the body was read. Nothing is stored. */
        RESET_MID_BODY,
        /** The whole body is read, then the connection is closed without a response. Nothing is stored. */
        RESET_AFTER_BODY,
        /** The file is stored, then the connection is closed without a response. */
        LAND_THEN_DROP_RESPONSE,
        STATUS_500, STATUS_502, STATUS_503,
        /** 429 with Retry-After: 1. Nothing is stored. */
        TOO_MANY_REQUESTS,
        /** 429 without Retry-After. Nothing is stored. */
        TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER,
        /** No response for {@link #stallMillis(long)}, then the connection is closed. Nothing is stored. */
        STALL
    }

    public record StoredFile(String project, String version, String filename, String packagetype, String sha256,
                             String blake2b256, String md5, long size, String requiresPython, Path path,
                             Instant uploaded) {
    }

    private static final String CORE_METADATA_HELP =
            " See https://packaging.python.org/specifications/core-metadata for more information.";
    private static final Set<String> METADATA_VERSIONS =
            Set.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
    private static final Pattern NAME = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile(
            "^v?(\\d+!)?\\d+(\\.\\d+)*([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?\\d*)?"
                    + "(-\\d+|[-_.]?(post|rev|r)[-_.]?\\d*)?([-_.]?dev[-_.]?\\d*)?(\\+[a-z0-9]+([-_.][a-z0-9]+)*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEX64 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{32}$");
    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    private final ObjectMapper json = new ObjectMapper();
    private final Path storage;
    private final Path incoming;
    private final Undertow server;
    private final int port;
    private final Map<String, Set<String>> tokens = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<StoredFile> files = new ArrayList<>();
    private final Map<String, Integer> hiddenReads = new HashMap<>();
    private final Map<String, Integer> writes = new HashMap<>();
    private final List<String> requestLog = new ArrayList<>();
    private final Set<String> usernamesSeen = new LinkedHashSet<>();
    private List<Map.Entry<String, String>> lastForm = List.of();
    private final Map<String, String> yanked = new HashMap<>();
    private final Map<String, Integer> yankAfterReads = new HashMap<>();
    private final Map<String, String> pendingYankReasons = new HashMap<>();
    private boolean yankApi;
    private long maxFileBytes = 100L << 20;
    private long stallMillis = 3_000;
    private int hideNewFilesForReads;
    private java.time.Duration hideNewFilesFor = java.time.Duration.ZERO;
    private final Map<String, Instant> visibleFrom = new HashMap<>();
    private boolean conflictOnIdenticalReupload;
    private boolean simpleJson = true;
    private boolean jsonApi = true;
    private int uploadRequests;
    private long serial;

    static {
        QuietServerLogs.apply();
    }

    private LocalIndex(Path dir) throws IOException {
        this.storage = Files.createDirectories(dir.resolve("packages"));
        this.incoming = Files.createDirectories(dir.resolve("incoming"));
        this.server = Undertow.builder()
                .addHttpListener(0, InetAddress.getLoopbackAddress().getHostAddress())
                .setIoThreads(2)
                .setWorkerThreads(16)
                // Undertow refuses bodies over 10 MiB by default; the index applies warehouse's own limit itself.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setHandler(new BlockingHandler(exchange -> handle(new IndexExchange(exchange))))
                .build();
        server.start();
        this.port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Starts an index on a free loopback port, keeping its files under {@code dir}. */
    public static LocalIndex start(Path dir) {
        try {
            return new LocalIndex(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test index", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public String uploadUrl() {
        return baseUrl() + "legacy/";
    }

    public String simpleUrl() {
        return baseUrl() + "simple/";
    }

    public String jsonApiUrl() {
        return baseUrl() + "pypi/";
    }

    /** Accepts {@code token} (as password of {@code __token__}), for every project or only the ones named. */
    public synchronized LocalIndex acceptToken(String token, String... projects) {
        Set<String> scope = new LinkedHashSet<>();
        for (String p : projects) {
            scope.add(normalize(p));
        }
        tokens.put(token, scope);
        return this;
    }

    public synchronized LocalIndex failNextUploads(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    public synchronized LocalIndex stallMillis(long millis) {
        this.stallMillis = millis;
        return this;
    }

    /** Every file stored from now on is missing from the next {@code reads} JSON API and simple page reads. */
    public synchronized LocalIndex hideNewFilesForReads(int reads) {
        this.hideNewFilesForReads = reads;
        return this;
    }

    /** Every file stored from now on is missing from the JSON API and simple pages for this long (a lagging CDN). */
    public synchronized LocalIndex hideNewFilesFor(java.time.Duration delay) {
        this.hideNewFilesFor = delay;
        return this;
    }

    public synchronized LocalIndex maxFileBytes(long bytes) {
        this.maxFileBytes = bytes;
        return this;
    }

    /** Answers an identical re-upload with 409, as pypiserver does, instead of warehouse's silent 200. */
    public synchronized LocalIndex conflictOnIdenticalReupload(boolean conflict) {
        this.conflictOnIdenticalReupload = conflict;
        return this;
    }

    /** Serves the simple API as PEP 503 HTML only, as most private indexes do. */
    public synchronized LocalIndex htmlOnlySimpleApi() {
        this.simpleJson = false;
        return this;
    }

    /** Removes the JSON API (404 everywhere under /pypi/), as pypiserver and most private indexes. */
    public synchronized LocalIndex withoutJsonApi() {
        this.jsonApi = false;
        return this;
    }

    /** Yanks a release, as its owner would on the web page. */
    public synchronized LocalIndex yank(String project, String version, String reason) {
        yanked.put(normalize(project) + "==" + version, reason == null ? "" : reason);
        serial++;
        return this;
    }

    /** A person yanks the release by hand after the next {@code reads} JSON API reads of it. */
    public synchronized LocalIndex yankAfterReads(String project, String version, String reason, int reads) {
        String key = normalize(project) + "==" + version;
        yankAfterReads.put(key, reads);
        pendingYankReasons.put(key, reason);
        return this;
    }

    public synchronized boolean isYanked(String project, String version) {
        return yanked.containsKey(normalize(project) + "==" + version);
    }

    /** Serves warehouse's proposed yank API (PR 16912): PATCH /api/projects/&lt;name&gt;/&lt;version&gt;. */
    public synchronized LocalIndex withYankApi() {
        this.yankApi = true;
        return this;
    }

    /** Stores a file as if it had been uploaded earlier (another run, another person). */
    public synchronized StoredFile preload(Path file, String project, String version) {
        try {
            Path copy = Files.createTempFile(incoming, "preload", ".bin");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            String name = file.getFileName().toString();
            return store(project, version, name, name.endsWith(".whl") ? "bdist_wheel" : "sdist", null, copy,
                    FileDigests.of(copy), md5(copy));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized List<StoredFile> files() {
        return List.copyOf(files);
    }

    /** How many times a file of this name was written to storage (a correct client never causes two). */
    public synchronized int writes(String filename) {
        return writes.getOrDefault(filename, 0);
    }

    /** POSTs to the upload URL that carried a body over 1 KiB. */
    public synchronized int uploadRequests() {
        return uploadRequests;
    }

    public synchronized List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    /** The non-empty text fields of the last request that carried a file, in the order received. */
    public synchronized List<Map.Entry<String, String>> lastForm() {
        return lastForm;
    }

    public synchronized Set<String> usernamesSeen() {
        return Set.copyOf(usernamesSeen);
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void handle(IndexExchange exchange) {
        String path = exchange.getRawPath();
        String method = exchange.getRequestMethod();
        try {
            if (method.equals("POST") && path.equals("/legacy")) {
                exchange.getResponseHeaders().set("Location", "/legacy/");
                respond(exchange, 308, "text/plain", new byte[0]);
            } else if (method.equals("POST") && (path.equals("/legacy/") || path.equals("/"))) {
                // "/" is where pypiserver takes uploads.
                upload(exchange);
            } else if (method.equals("PATCH") && path.startsWith("/api/projects/")) {
                yankApi(exchange, path);
            } else if (method.equals("GET") && path.startsWith("/pypi/")) {
                jsonApi(exchange, path);
            } else if (method.equals("GET") && path.startsWith("/simple/")) {
                simple(exchange, path);
            } else if (method.equals("GET") && path.startsWith("/packages/")) {
                download(exchange, URLDecoder.decode(path.substring("/packages/".length()), StandardCharsets.UTF_8));
            } else if (method.equals("POST")) {
                error(exchange, 405, "Method Not Allowed", "The method POST is not allowed for this resource.");
            } else {
                error(exchange, 404, "Not Found", "Not Found");
            }
        } catch (IOException | RuntimeException e) {
            // Kept in the request log for the tests; not handed to Undertow, which would print it as an error with
            // a stack trace (on the command line, in the rehearsal's output). The client sees the connection close.
            synchronized (this) {
                requestLog.add(method + " " + path + " failed in the test index: " + e);
            }
        } finally {
            exchange.close();
        }
    }

    private synchronized void log(IndexExchange exchange, int status) {
        requestLog.add(exchange.getRequestMethod() + " " + exchange.getRawPath() + " -> " + status);
    }

    private void upload(IndexExchange exchange) throws IOException {
        long length = contentLength(exchange);
        Fault fault = null;
        if (length < 0 || length > 1024) {
            synchronized (this) {
                uploadRequests++;
                fault = faults.poll();
            }
        }
        if (fault == Fault.RESET_BEFORE_BODY) {
            log(exchange, 0);
            closeWithoutResponse(exchange);
            return;
        }
        if (fault == Fault.RESET_MID_BODY) {
            exchange.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE, Math.max(length, 2048) / 2));
            log(exchange, 0);
            closeWithoutResponse(exchange);
            return;
        }
        String boundary = MultipartReader.boundaryOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            error(exchange, 400, "Bad Request", "Invalid request: the body must be multipart/form-data.");
            return;
        }
        List<MultipartReader.Part> parts;
        try {
            parts = new MultipartReader(exchange.getRequestBody(), boundary, incoming).readAll();
        } catch (IOException e) {
            synchronized (this) {
                requestLog.add("POST /legacy/ body unreadable: " + e.getMessage());
            }
            closeWithoutResponse(exchange);
            return;
        }
        try {
            if (fault == Fault.STATUS_500 || fault == Fault.STATUS_502 || fault == Fault.STATUS_503) {
                int status = Integer.parseInt(fault.name().substring("STATUS_".length()));
                error(exchange, status, status == 500 ? "Internal Server Error"
                        : status == 502 ? "Bad Gateway" : "Service Unavailable", "Injected failure " + status + ".");
                return;
            }
            if (fault == Fault.TOO_MANY_REQUESTS || fault == Fault.TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER) {
                if (fault == Fault.TOO_MANY_REQUESTS) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                }
                error(exchange, 429, "Too Many Requests", "Too many requests. Slow down.");
                return;
            }
            if (fault == Fault.RESET_AFTER_BODY) {
                log(exchange, 0);
                closeWithoutResponse(exchange);
                return;
            }
            if (fault == Fault.STALL) {
                sleep(stallMillis);
                log(exchange, 0);
                closeWithoutResponse(exchange);
                return;
            }
            String refusal = validateUpload(exchange, parts, fault);
            if (refusal != null) {
                int status = Integer.parseInt(refusal.substring(0, 3));
                error(exchange, status, status == 403 ? "Forbidden" : status == 409 ? "Conflict" : "Bad Request",
                        refusal.substring(4));
            } else if (fault != Fault.LAND_THEN_DROP_RESPONSE) {
                ok(exchange);
            }
        } finally {
            for (MultipartReader.Part part : parts) {
                if (part.file() != null) {
                    Files.deleteIfExists(part.file());
                }
            }
        }
    }

    /** Warehouse's order of checks (pypi-protocol.md §1.3). Returns "NNN message" for a refusal, null when stored. */
    private String validateUpload(IndexExchange exchange, List<MultipartReader.Part> parts, Fault fault)
            throws IOException {
        Map<String, List<String>> form = new LinkedHashMap<>();
        MultipartReader.Part content = null;
        for (MultipartReader.Part part : parts) {
            if (part.isFile()) {
                if (!"content".equals(part.name())) {
                    return "400 " + part.name() + ": Should not be a tuple.";
                }
                content = part;
            } else if (!part.value().isEmpty() && !part.value().equals("UNKNOWN")) {
                form.computeIfAbsent(part.name(), k -> new ArrayList<>()).add(part.value());
            }
        }
        if (content != null) {
            List<Map.Entry<String, String>> received = new ArrayList<>();
            form.forEach((k, values) -> values.forEach(v -> received.add(Map.entry(k, v))));
            synchronized (this) {
                lastForm = List.copyOf(received);
            }
        }
        String identity = authenticate(exchange);
        if (identity == null) {
            return "403 Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth "
                    + "for more information.";
        }
        if (identity.startsWith("user:")) {
            return "403 Username/Password authentication is no longer supported. Migrate to API Tokens or Trusted "
                    + "Publishers instead. See https://pypi.org/help/#apitoken and https://pypi.org/help/#trusted-publishers";
        }
        String protocol = first(form, "protocol_version");
        if (protocol != null && !protocol.equals("1")) {
            return "400 Unknown protocol version.";
        }
        String metadataVersion = first(form, "metadata_version");
        if (metadataVersion == null || !METADATA_VERSIONS.contains(metadataVersion)) {
            return "400 '" + nullToEmpty(metadataVersion) + "' is an invalid value for Metadata-Version. Error: "
                    + (metadataVersion == null ? "This field is required." : "Use a known metadata version.")
                    + CORE_METADATA_HELP;
        }
        String name = first(form, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            return "400 '" + nullToEmpty(name) + "' is an invalid value for Name. Error: Start and end with a letter "
                    + "or numeral containing only ASCII numeric and '.', '_' and '-'." + CORE_METADATA_HELP;
        }
        String version = first(form, "version");
        if (version == null || !VERSION.matcher(version).matches()) {
            return "400 '" + nullToEmpty(version) + "' is an invalid value for Version. Error: Start and end with a "
                    + "letter or numeral containing only ASCII numeric and '.', '_' and '-'." + CORE_METADATA_HELP;
        }
        String filetype = first(form, "filetype");
        if (filetype == null || !(filetype.equals("sdist") || filetype.equals("bdist_wheel"))) {
            return "400 Invalid value for filetype. Error: Use a known file type.";
        }
        String pyversion = first(form, "pyversion");
        if (filetype.equals("bdist_wheel") && pyversion == null) {
            return "400 Invalid value for pyversion. Error: Python version is required for binary distribution "
                    + "uploads.";
        }
        if (filetype.equals("sdist") && pyversion != null && !pyversion.equals("source")) {
            return "400 Invalid value for pyversion. Error: Use 'source' as Python version for an sdist.";
        }
        String md5 = first(form, "md5_digest");
        String sha256 = first(form, "sha256_digest");
        String blake2 = first(form, "blake2_256_digest");
        if (md5 == null && sha256 == null && blake2 == null) {
            return "400 Error: Include at least one message digest.";
        }
        if ((sha256 != null && !HEX64.matcher(sha256).matches()) || (blake2 != null && !HEX64.matcher(blake2).matches())
                || (md5 != null && !HEX32.matcher(md5).matches())) {
            return "400 Invalid value for sha256_digest. Error: Use a valid, hex-encoded, SHA256 message digest.";
        }
        if (version.contains("+")) {
            return "400 The use of local versions in '" + version + "' is not allowed. See "
                    + "https://packaging.python.org/specifications/version-specifiers/#local-version-identifiers "
                    + "for more information.";
        }
        String summary = first(form, "summary");
        if (summary != null && summary.length() > 512) {
            return "400 'summary' must be 512 characters or less." + CORE_METADATA_HELP;
        }
        if (content == null) {
            return "400 Upload payload does not have a file.";
        }
        String project = normalize(name);
        Set<String> scope;
        synchronized (this) {
            scope = tokens.get(identity.substring("token:".length()));
        }
        if (scope != null && !scope.isEmpty() && !scope.contains(project)) {
            return "403 Invalid API Token: project-scoped token is not valid for project: '" + project + "'";
        }
        String filename = content.fileName();
        if (filename.contains("/") || filename.contains("\\") || filename.chars().anyMatch(c -> c < 32)) {
            return "400 Cannot upload a file with '/' or '\\' in the name.";
        }
        boolean extensionOk = filetype.equals("sdist") ? filename.endsWith(".tar.gz") || filename.endsWith(".zip")
                : filename.endsWith(".whl");
        if (!extensionOk) {
            return "400 Invalid file extension: Use .tar.gz, .whl or .zip extension. See "
                    + "https://www.python.org/dev/peps/pep-0527 and https://peps.python.org/pep-0715/ for more "
                    + "information";
        }
        if (content.contentType() == null || content.contentType().isBlank()
                || content.contentType().toLowerCase(Locale.ROOT).startsWith("image/")) {
            return "400 Invalid distribution file.";
        }
        if (content.size() > maxFileBytes) {
            return "400 File too large. Limit for project '" + project + "' is " + (maxFileBytes / (1 << 20))
                    + " MB. See https://docs.pypi.org/project-management/storage-limits"
                    + "#requesting-a-file-size-limit-increase for more information.";
        }
        FileDigests digests = content.digests();
        String actualMd5 = content.md5();
        if ((sha256 != null && !sha256.equals(digests.sha256())) || (blake2 != null && !blake2.equals(digests.blake2b256()))
                || (md5 != null && !md5.equals(actualMd5))) {
            return "400 The digest supplied does not match a digest calculated from the uploaded file.";
        }
        synchronized (this) {
            for (StoredFile existing : files) {
                if (existing.filename().equals(filename) || existing.blake2b256().equals(digests.blake2b256())) {
                    if (existing.filename().equals(filename) && existing.sha256().equals(digests.sha256())
                            && existing.blake2b256().equals(digests.blake2b256()) && !conflictOnIdenticalReupload) {
                        return null;
                    }
                    if (conflictOnIdenticalReupload) {
                        return "409 Package '" + filename + "' already exists!";
                    }
                    // legacy.py quotes the hash of the bytes just sent (file_hashes["blake2_256"]), not the stored
                    // file's: the text says nothing about what the index holds.
                    return "400 File already exists ('" + filename + "', with blake2_256 hash '"
                            + digests.blake2b256() + "'). See https://pypi.org/help/#file-name-reuse for more "
                            + "information.";
                }
            }
            if (filetype.equals("sdist") && files.stream().anyMatch(f -> f.project().equals(project)
                    && f.version().equals(version) && f.packagetype().equals("sdist"))) {
                return "400 Only one sdist may be uploaded per release.";
            }
            store(project, version, filename, filetype, first(form, "requires_python"), content.file(), digests,
                    actualMd5);
        }
        if (fault == Fault.LAND_THEN_DROP_RESPONSE) {
            log(exchange, 0);
            closeWithoutResponse(exchange);
        }
        return null;
    }

    /** Keeps a received file (moved, not copied: it is the index's own temporary file) under its digests. */
    private synchronized StoredFile store(String project, String version, String filename, String packagetype,
                                          String requiresPython, Path file, FileDigests digests, String md5)
            throws IOException {
        Path target = storage.resolve(filename);
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        StoredFile stored = new StoredFile(normalize(project), version, filename, packagetype, digests.sha256(),
                digests.blake2b256(), md5, digests.size(), requiresPython, target, Instant.now());
        files.add(stored);
        writes.merge(filename, 1, Integer::sum);
        hiddenReads.put(filename, hideNewFilesForReads);
        visibleFrom.put(filename, Instant.now().plus(hideNewFilesFor));
        serial++;
        return stored;
    }

    /** Returns "token:&lt;t&gt;" for a known token, "user:&lt;name&gt;" for another username, null otherwise. */
    private String authenticate(IndexExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return null;
        }
        String token;
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String username = decoded.substring(0, colon);
            synchronized (this) {
                usernamesSeen.add(username);
            }
            if (!username.equals("__token__")) {
                return "user:" + username;
            }
            token = decoded.substring(colon + 1);
        } else if (lower.startsWith("token ") || lower.startsWith("bearer ")) {
            token = header.substring(header.indexOf(' ') + 1).trim();
        } else {
            return null;
        }
        synchronized (this) {
            return tokens.containsKey(token) ? "token:" + token : null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void jsonApi(IndexExchange exchange, String path) throws IOException {
        String[] segments = path.substring("/pypi/".length()).split("/");
        boolean project = segments.length == 2 && segments[1].equals("json");
        boolean release = segments.length == 3 && segments[2].equals("json");
        if (!jsonApi || !(project || release)) {
            jsonError(exchange, 404, "Not Found");
            return;
        }
        String name = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
        String version = release ? URLDecoder.decode(segments[1], StandardCharsets.UTF_8) : null;
        if (!name.equals(normalize(name))) {
            exchange.getResponseHeaders().set("Location", "/pypi/" + normalize(name) + "/"
                    + (release ? version + "/" : "") + "json");
            respond(exchange, 301, "text/plain", new byte[0]);
            return;
        }
        List<StoredFile> shown = visible(f -> f.project().equals(name) && (version == null
                || f.version().equals(version)));
        if (shown.isEmpty()) {
            jsonError(exchange, 404, "Not Found");
            return;
        }
        ObjectNode root = json.createObjectNode();
        ObjectNode info = root.putObject("info");
        info.put("name", name);
        String current = version != null ? version : shown.get(shown.size() - 1).version();
        info.put("version", current);
        String reason = yankReason(name, current);
        info.put("yanked", reason != null);
        if (reason == null || reason.isEmpty()) {
            info.putNull("yanked_reason");
        } else {
            info.put("yanked_reason", reason);
        }
        if (release) {
            ArrayNode urls = root.putArray("urls");
            shown.forEach(f -> fileJson(urls.addObject(), f));
        } else {
            ObjectNode releases = root.putObject("releases");
            for (StoredFile f : shown) {
                ArrayNode files = releases.has(f.version()) ? (ArrayNode) releases.get(f.version())
                        : releases.putArray(f.version());
                fileJson(files.addObject(), f);
            }
        }
        root.put("last_serial", serialNow());
        exchange.getResponseHeaders().set("X-PyPI-Last-Serial", Long.toString(serialNow()));
        respond(exchange, 200, "application/json", json.writeValueAsBytes(root));
    }

    private void fileJson(ObjectNode u, StoredFile f) {
        u.put("filename", f.filename());
        u.put("packagetype", f.packagetype());
        ObjectNode d = u.putObject("digests");
        d.put("md5", f.md5());
        d.put("sha256", f.sha256());
        d.put("blake2b_256", f.blake2b256());
        u.put("size", f.size());
        u.put("upload_time_iso_8601", f.uploaded().toString());
        u.put("url", baseUrl() + "packages/" + f.filename());
        String reason;
        synchronized (this) {
            reason = yanked.get(f.project() + "==" + f.version());
        }
        u.put("yanked", reason != null);
        if (reason == null || reason.isEmpty()) {
            u.putNull("yanked_reason");
        } else {
            u.put("yanked_reason", reason);
        }
        u.put("requires_python", f.requiresPython());
    }

    /** The yank reason ("" for none given) or null; counts a read towards a scheduled manual yank. */
    private synchronized String yankReason(String project, String version) {
        String key = project + "==" + version;
        Integer left = yankAfterReads.get(key);
        if (left != null) {
            if (left <= 0) {
                yanked.put(key, pendingYankReasons.getOrDefault(key, ""));
                yankAfterReads.remove(key);
            } else {
                yankAfterReads.put(key, left - 1);
            }
        }
        return yanked.get(key);
    }

    /** The proposed yank API: token auth as for uploads, {"yanked": bool, "yanked_reason": str|null}. */
    private void yankApi(IndexExchange exchange, String path) throws IOException {
        String[] segments = path.substring("/api/projects/".length()).split("/");
        if (!yankApi || segments.length != 2) {
            error(exchange, 404, "Not Found", "Not Found");
            return;
        }
        String identity = authenticate(exchange);
        if (identity == null || !identity.startsWith("token:")) {
            error(exchange, 403, "Forbidden", "Invalid or non-existent authentication information.");
            return;
        }
        String project = normalize(URLDecoder.decode(segments[0], StandardCharsets.UTF_8));
        String version = URLDecoder.decode(segments[1], StandardCharsets.UTF_8);
        Set<String> scope;
        synchronized (this) {
            scope = tokens.get(identity.substring("token:".length()));
        }
        if (scope != null && !scope.isEmpty() && !scope.contains(project)) {
            error(exchange, 403, "Forbidden", "Invalid API Token: project-scoped token is not valid for project: '"
                    + project + "'");
            return;
        }
        if (files().stream().noneMatch(f -> f.project().equals(project) && f.version().equals(version))) {
            error(exchange, 404, "Not Found", "Not Found");
            return;
        }
        com.fasterxml.jackson.databind.JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        if (!body.path("yanked").isBoolean()) {
            error(exchange, 400, "Bad Request", "`yanked` must be a boolean");
            return;
        }
        synchronized (this) {
            if (body.get("yanked").asBoolean()) {
                yanked.put(project + "==" + version, body.path("yanked_reason").asText(""));
            } else {
                yanked.remove(project + "==" + version);
            }
            serial++;
        }
        ObjectNode reply = json.createObjectNode();
        reply.put("name", project);
        reply.put("version", version);
        reply.put("yanked", body.get("yanked").asBoolean());
        reply.put("yanked_reason", body.path("yanked_reason").asText(""));
        respond(exchange, 200, "application/json", json.writeValueAsBytes(reply));
    }

    private void simple(IndexExchange exchange, String path) throws IOException {
        String rest = path.substring("/simple/".length());
        if (rest.isEmpty()) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
            for (String p : projects()) {
                html.append("<a href=\"/simple/").append(p).append("/\">").append(p).append("</a><br/>\n");
            }
            respond(exchange, 200, "text/html", html.append("</body></html>\n").toString()
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = URLDecoder.decode(rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest,
                StandardCharsets.UTF_8);
        if (!rest.endsWith("/") || !name.equals(normalize(name))) {
            exchange.getResponseHeaders().set("Location", "/simple/" + normalize(name) + "/");
            respond(exchange, 301, "text/plain", new byte[0]);
            return;
        }
        if (!projects().contains(name)) {
            respond(exchange, 404, "text/plain", "404 Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<StoredFile> project = visible(f -> f.project().equals(name));
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (simpleJson && accept != null && accept.contains(SIMPLE_JSON)) {
            ObjectNode root = json.createObjectNode();
            root.putObject("meta").put("api-version", "1.1").put("_last-serial", serialNow());
            root.put("name", name);
            ArrayNode versions = root.putArray("versions");
            project.stream().map(StoredFile::version).distinct().forEach(versions::add);
            ArrayNode list = root.putArray("files");
            for (StoredFile f : project) {
                ObjectNode o = list.addObject();
                o.put("filename", f.filename());
                o.put("url", baseUrl() + "packages/" + f.filename());
                o.putObject("hashes").put("sha256", f.sha256());
                o.put("requires-python", f.requiresPython());
                o.put("size", f.size());
                o.put("upload-time", f.uploaded().toString());
                String reason;
                synchronized (this) {
                    reason = yanked.get(f.project() + "==" + f.version());
                }
                if (reason == null) {
                    o.put("yanked", false);
                } else if (reason.isEmpty()) {
                    o.put("yanked", true);
                } else {
                    o.put("yanked", reason);
                }
            }
            respond(exchange, 200, SIMPLE_JSON, json.writeValueAsBytes(root));
            return;
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" "
                + "content=\"1.1\"><title>Links for " + name + "</title></head><body><h1>Links for " + name
                + "</h1>\n");
        for (StoredFile f : project) {
            html.append("<a href=\"").append(baseUrl()).append("packages/").append(f.filename()).append("#sha256=")
                    .append(f.sha256()).append('"');
            if (f.requiresPython() != null) {
                html.append(" data-requires-python=\"").append(f.requiresPython().replace("&", "&amp;")
                        .replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")).append('"');
            }
            html.append('>').append(f.filename()).append("</a><br/>\n");
        }
        respond(exchange, 200, "text/html; charset=utf-8",
                html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    private void download(IndexExchange exchange, String filename) throws IOException {
        StoredFile found;
        synchronized (this) {
            found = files.stream().filter(f -> f.filename().equals(filename)).findFirst().orElse(null);
        }
        if (found == null) {
            respond(exchange, 404, "text/plain", "404 Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, null, found.size());
        log(exchange, 200);
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(found.path(), out);
        }
    }

    private synchronized List<StoredFile> visible(java.util.function.Predicate<StoredFile> which) {
        List<StoredFile> shown = new ArrayList<>();
        for (StoredFile f : files) {
            if (!which.test(f)) {
                continue;
            }
            int hidden = hiddenReads.getOrDefault(f.filename(), 0);
            if (Instant.now().isBefore(visibleFrom.getOrDefault(f.filename(), Instant.MIN))) {
                continue;
            }
            if (hidden > 0) {
                hiddenReads.put(f.filename(), hidden - 1);
            } else {
                shown.add(f);
            }
        }
        return shown;
    }

    private synchronized Set<String> projects() {
        Set<String> names = new LinkedHashSet<>();
        files.forEach(f -> names.add(f.project()));
        return names;
    }

    private synchronized long serialNow() {
        return serial;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * A refusal as warehouse sends it: {@code _exc_with_message} (warehouse/forklift/utils.py) makes the message the
     * status line's reason ("400 File already exists …"), and Pyramid renders the body from that status
     * (pyramid/httpexceptions.py, {@code HTTPException.prepare}): for {@code Accept: application/json}
     * {@code {"message": body, "code": status, "title": title}} where body is the class's explanation, two line breaks,
     * then the detail; for text/html its html_template with the status in the title and the heading; else text/plain.
     * A client must read both (HTTP/2, which PyPI speaks, has no reason phrase at all).
     */
    private void error(IndexExchange exchange, int status, String title, String message) throws IOException {
        // _exc_with_message: the message, iso-8859-1-safe, is the status line's reason.
        String reason = new String(message.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        pyramidPage(exchange, status, title, reason, message);
    }

    /**
     * warehouse's answer to a stored upload and to an identical re-upload (legacy.py: {@code return HTTPOk()} after
     * {@code _is_duplicate_file}, and {@code HTTPOk(body="\n".join(warnings))} at the end): Pyramid renders its
     * default page for an empty body too (WebOb's has_body is false for it).
     */
    private void ok(IndexExchange exchange) throws IOException {
        pyramidPage(exchange, 200, "OK", null, "");
    }

    /** Pyramid's HTTPException.prepare for the Accept header; {@code reason} null for the standard status line. */
    private void pyramidPage(IndexExchange exchange, int status, String title, String reason, String message)
            throws IOException {
        String statusLine = status + " " + (reason == null ? title : reason);
        String explanation = PYRAMID_EXPLANATIONS.getOrDefault(status, "");
        String type = pyramidChoice(exchange.getRequestHeaders().getFirst("Accept"));
        if (type.equals("text/html")) {
            // Pyramid's html_template_obj: the status as it is in title and heading; body_template_obj with
            // br = "<br/>" and the detail HTML-escaped.
            String body = explanation + "<br/><br/>\n" + htmlEscape(message) + "\n\n";
            String html = "<html>\n <head>\n  <title>" + statusLine + "</title>\n </head>\n <body>\n"
                    + "  <h1>" + statusLine + "</h1>\n  " + body + "\n </body>\n</html>";
            respond(exchange, status, reason, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
        } else if (type.equals("application/json")) {
            // Python's json.dumps of the dict, keys in Pyramid's order, its separators and ASCII escapes.
            String body = "{\"message\": " + pythonJson(explanation + "\n\n\n" + message + "\n\n") + ", \"code\": "
                    + pythonJson(statusLine) + ", \"title\": " + pythonJson(title) + "}";
            respond(exchange, status, reason, "application/json", body.getBytes(StandardCharsets.UTF_8));
        } else {
            String plain = statusLine + "\n\n" + explanation + "\n\n\n" + message + "\n\n";
            respond(exchange, status, reason, "text/plain; charset=UTF-8", plain.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Pyramid's choice between its offers text/html and application/json for an Accept header (WebOb's
     * acceptable_offers: by quality, ties in the offers' order), text/plain when neither (also when there is no
     * header: prepare() reads a missing one as an empty one).
     */
    static String pyramidChoice(String accept) {
        if (accept == null || accept.isBlank()) {
            return "text/plain";
        }
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.strip().split(";");
            String media = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (media.equals("text/html") || media.equals("text/*") || media.equals("*/*")) {
                html = media.equals("text/html") ? q : Math.max(html, q);
            }
            if (media.equals("application/json") || media.equals("application/*") || media.equals("*/*")) {
                json = media.equals("application/json") ? q : Math.max(json, q);
            }
        }
        if (html <= 0 && json <= 0) {
            return "text/plain";
        }
        return json > html ? "application/json" : "text/html";
    }

    private static String pythonJson(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The {@code explanation} of Pyramid's exception classes for the statuses this index sends. */
    private static final Map<Integer, String> PYRAMID_EXPLANATIONS = Map.of(
            400, "The server could not comply with the request since it is either malformed or otherwise incorrect.",
            403, "Access was denied to this resource.",
            404, "The resource could not be found.",
            405, "The method POST is not allowed for this resource.",
            409, "There was a conflict when trying to complete your request.",
            429, "The action could not be performed because there were too many requests by the client.",
            500, "The server has either erred or is incapable of performing the requested operation.",
            502, "Bad gateway.",
            503, "The server is currently unavailable. Please try again at a later time.");

    private static String htmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    private void jsonError(IndexExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, "application/json", ("{\"message\": \"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private void respond(IndexExchange exchange, int status, String contentType, byte[] body) throws IOException {
        respond(exchange, status, null, contentType, body);
    }

    private void respond(IndexExchange exchange, int status, String reason, String contentType, byte[] body)
            throws IOException {
        // Whatever the handler did not read must not be left in the connection.
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, reason, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        log(exchange, status);
    }

    /** Closing an exchange before its response headers were sent closes the TCP connection. */
    private static void closeWithoutResponse(IndexExchange exchange) {
        exchange.close();
    }

    private static long contentLength(IndexExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null ? null : values.get(0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String normalize(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    private static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) > 0; ) {
                md5.update(chunk, 0, n);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
