package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.ByteString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub that keeps state — one repository, its tag, its releases and their assets — for the fault matrix of asset
 * uploads, which replayed traffic cannot play: the API and the uploads host are two MockWebServers (as api.github.com
 * and uploads.github.com are two hosts), so a fault can be armed for the next upload before its request is read.
 * The objects it answers with are our fixtures' release and asset (shapes borrowed from GitHub's recordings), and
 * every successful answer, and every JSON body of a release create or update, is checked against GitHub's API
 * description as it is given: {@link #descriptionProblems()}.
 */
final class GitHubReleaseDouble implements AutoCloseable {
    static final String REPO = "logflux/logflux-python";
    static final String TAG = "v0.2.0";
    static final String CUT_UNREAD = "(a request cut before its request line was read)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATES = Path.of("src/test/resources/github-fixtures/logflux-create-publish.json");
    private static final String API_PREFIX = "/api/v3";
    private static final Pattern RELEASE = Pattern.compile("/repos/" + REPO + "/releases/(\\d+)");
    private static final Pattern ASSETS = Pattern.compile("/repos/" + REPO + "/releases/(\\d+)/assets");
    private static final Pattern ASSET = Pattern.compile("/repos/" + REPO + "/releases/assets/(\\d+)");

    /** What happens to the next upload. */
    enum UploadFault {
        RESET_BEFORE_BODY, RESET_MID_BODY, RESET_AFTER_BODY, STATUS_500, STATUS_502_LEAVING_AN_UNFINISHED_ASSET,
        STATUS_503, ALREADY_EXISTS_BUT_UNLISTED, TOO_MANY_REQUESTS, TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER, STALL, LAND_THEN_DROP_RESPONSE,
        LAND_THEN_STALL;

        boolean beforeTheBodyIsRead() {
            return this == RESET_BEFORE_BODY || this == RESET_MID_BODY;
        }
    }

    private final MockWebServer api = new MockWebServer();
    private final MockWebServer uploads = new MockWebServer();
    private final JsonNode releaseTemplate;
    private final JsonNode assetTemplate;
    private final JsonNode refTemplate;
    private final Map<Long, ObjectNode> releases = new LinkedHashMap<>();
    private final Map<Long, List<ObjectNode>> assets = new HashMap<>();
    private final Map<String, Integer> stored = new HashMap<>();
    private final List<String> listRequests = new ArrayList<>();
    private final List<String> makeLatest = new ArrayList<>();
    private final List<String> uploadAttempts = new ArrayList<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final GitHubApiDescription description = GitHubApiDescription.load();
    private int validated;
    private long nextId = 1000;
    private UploadFault armed;
    private boolean alwaysAlreadyExists;
    private boolean rateLimitNextCreate;
    private Runnable onUpload = () -> { };
    private String uploadsBase;

    GitHubReleaseDouble() {
        try {
            JsonNode calls = JSON.readTree(TEMPLATES.toFile());
            refTemplate = calls.get(0).get("response");
            releaseTemplate = calls.get(3).get("response");
            assetTemplate = calls.get(5).get("response");
            api.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return answerApi(request);
                }
            });
            uploads.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return answerUpload(request);
                }

                @Override
                public MockResponse peek() {
                    return requestSideFault();
                }
            });
            api.start();
            uploads.start();
            uploadsBase = uploads.url("/").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API root a client is pointed at (GitHub Enterprise Server's form, /api/v3/). */
    String apiUrl() {
        return api.url(API_PREFIX + "/").toString();
    }

    /**
     * Releases hand out upload URLs on this base from now on (a closed port plays an unreachable uploads host); null
     * for the double's own.
     */
    synchronized void uploadsAt(String base) {
        uploadsBase = base == null ? uploads.url("/").toString() : base;
    }

    synchronized void failNextUpload(UploadFault fault) {
        armed = fault;
    }

    /** Every upload is answered 422 already_exists although no asset of the name is listed. */
    synchronized void alwaysAnswerAlreadyExists() {
        alwaysAlreadyExists = true;
    }

    /** The next "create a release" is refused by a secondary rate limit (429, Retry-After: 2). */
    synchronized void rateLimitNextCreate() {
        rateLimitNextCreate = true;
    }

    /** Runs when an upload's body has arrived, before it is stored (a build rewriting dist/ meanwhile). */
    synchronized void onUpload(Runnable action) {
        onUpload = action;
    }

    /** How many times an upload of {@code name} was stored complete. */
    synchronized int stored(String name) {
        return stored.getOrDefault(name, 0);
    }

    /** How many upload requests for {@code name} reached the uploads host. */
    synchronized int uploadRequests(String name) {
        return (int) uploadAttempts.stream().filter(name::equals).count();
    }

    /** The asset names of the upload requests in the order they came; {@link #CUT_UNREAD} for one cut before it was read. */
    synchronized List<String> uploadAttempts() {
        return List.copyOf(uploadAttempts);
    }

    /** Adds {@code count} published releases of other tags ({@code tagPrefix} 1, 2, …), newer than those there. */
    synchronized void addOtherReleases(int count, String tagPrefix) {
        for (int i = 1; i <= count; i++) {
            long id = nextId++;
            ObjectNode other = releaseTemplate.deepCopy();
            other.put("id", id);
            other.put("tag_name", tagPrefix + i);
            other.put("draft", false);
            releases.put(id, other);
        }
    }

    /** Adds the draft release of {@link #TAG} that an earlier run left. */
    synchronized long addDraftOfTheTag() {
        long id = nextId++;
        ObjectNode draft = releaseTemplate.deepCopy();
        draft.put("id", id);
        draft.put("tag_name", TAG);
        draft.put("draft", true);
        releases.put(id, draft);
        return id;
    }

    /** The make_latest of each release update, in order ("" when absent). */
    synchronized List<String> makeLatestSent() {
        return List.copyOf(makeLatest);
    }

    /** The query strings of the release-listing requests, in order. */
    synchronized List<String> listRequests() {
        return List.copyOf(listRequests);
    }

    synchronized List<JsonNode> releases() {
        return List.copyOf(releases.values());
    }

    synchronized List<JsonNode> assetsOf(long releaseId) {
        return List.copyOf(assets.getOrDefault(releaseId, List.of()));
    }

    /** How many answers were checked against GitHub's API description. */
    synchronized int validatedAnswers() {
        return validated;
    }

    /** Answers that do not match GitHub's API description (should be none). */
    List<String> descriptionProblems() {
        return List.copyOf(problems);
    }

    private synchronized MockResponse requestSideFault() {
        if (armed != null && armed.beforeTheBodyIsRead()) {
            return new MockResponse.Builder().onRequestStart(armed == UploadFault.RESET_BEFORE_BODY
                    ? new SocketEffect.CloseSocket() : null).onRequestBody(armed == UploadFault.RESET_MID_BODY
                    ? new SocketEffect.CloseSocket() : null).build();
        }
        return new MockResponse.Builder().build();
    }

    private synchronized MockResponse answerUpload(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String name = URLDecoder.decode(request.getUrl().queryParameter("name") == null ? ""
                : request.getUrl().queryParameter("name"), StandardCharsets.UTF_8);
        UploadFault fault = alwaysAlreadyExists ? UploadFault.ALREADY_EXISTS_BUT_UNLISTED : armed;
        armed = null;
        if (fault != null && fault.beforeTheBodyIsRead()) {
            uploadAttempts.add(name.isEmpty() ? CUT_UNREAD : name);
            return new MockResponse.Builder().build(); // MockWebServer's bookkeeping for a request cut short
        }
        Matcher m = ASSETS.matcher(path);
        if (!request.getMethod().equals("POST") || !m.matches() || !releases.containsKey(Long.parseLong(m.group(1)))) {
            return error(404, "Not Found");
        }
        uploadAttempts.add(name);
        long releaseId = Long.parseLong(m.group(1));
        onUpload.run();
        if (fault != null) {
            switch (fault) {
                case RESET_AFTER_BODY:
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                case STATUS_500:
                    return error(500, "Server Error");
                case STATUS_503:
                    return error(503, "Service Unavailable");
                case ALREADY_EXISTS_BUT_UNLISTED:
                    return alreadyExists(path); // a starter asset GitHub does not list

                case STATUS_502_LEAVING_AN_UNFINISHED_ASSET:
                    // GitHub's docs: a 502 may leave an empty asset that blocks the name until it is deleted.
                    store(releaseId, name, request.getHeaders().get("Content-Type"), ByteString.EMPTY, "open");
                    return error(502, "Server Error");
                case TOO_MANY_REQUESTS:
                    return secondaryRateLimit("3");
                case TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER:
                    return secondaryRateLimit(null);
                case STALL:
                    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
                default:
                    break;
            }
        }
        if (assets.getOrDefault(releaseId, List.of()).stream().anyMatch(a -> a.path("name").asText().equals(name))) {
            return alreadyExists(path);
        }
        ObjectNode asset = store(releaseId, name, request.getHeaders().get("Content-Type"), request.getBody(),
                "uploaded");
        stored.merge(name, 1, Integer::sum);
        MockResponse.Builder answer = new MockResponse.Builder(json(201, "post", path, asset));
        if (fault == UploadFault.LAND_THEN_DROP_RESPONSE) {
            answer.onResponseStart(new SocketEffect.CloseSocket());
        } else if (fault == UploadFault.LAND_THEN_STALL) {
            answer.onResponseStart(SocketEffect.Stall.INSTANCE);
        }
        return answer.build();
    }

    /** GitHub's 422 for a taken asset name (the recorded release-assets-conflict body). */
    private MockResponse alreadyExists(String path) {
        return json(422, "post", path, JSON.createObjectNode()
                .put("message", "Validation Failed").set("errors", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("resource", "ReleaseAsset").put("code", "already_exists").put("field", "name"))));
    }

    private ObjectNode store(long releaseId, String name, String contentType, ByteString body, String state) {
        long id = nextId++;
        ObjectNode asset = assetTemplate.deepCopy();
        asset.put("id", id);
        asset.put("url", "https://api.github.com/repos/" + REPO + "/releases/assets/" + id);
        asset.put("name", name);
        asset.put("content_type", contentType == null ? "application/octet-stream" : contentType);
        asset.put("state", state);
        asset.put("size", body == null ? 0 : body.size());
        asset.put("digest", "sha256:" + (body == null ? ByteString.EMPTY : body).sha256().hex());
        asset.put("download_count", 0);
        asset.put("browser_download_url", "https://github.com/" + REPO + "/releases/download/" + TAG + "/" + name);
        assets.computeIfAbsent(releaseId, k -> new ArrayList<>()).add(asset);
        return asset;
    }

    private synchronized MockResponse answerApi(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (!path.startsWith(API_PREFIX + "/")) {
            return error(404, "Not Found");
        }
        path = path.substring(API_PREFIX.length());
        String method = request.getMethod().toLowerCase();
        Matcher release = RELEASE.matcher(path);
        Matcher releaseAssets = ASSETS.matcher(path);
        Matcher asset = ASSET.matcher(path);
        if (method.equals("get") && path.equals("/repos/" + REPO + "/git/ref/tags/" + TAG)) {
            return json(200, method, path, refTemplate);
        }
        if (method.equals("get") && path.equals("/repos/" + REPO + "/releases/tags/" + TAG)) {
            return releases.values().stream().filter(r -> !r.path("draft").asBoolean())
                    .filter(r -> r.path("tag_name").asText().equals(TAG)).findFirst()
                    .map(r -> json(200, method, "/repos/" + REPO + "/releases/tags/" + TAG, render(r)))
                    .orElseGet(() -> error(404, "Not Found"));
        }
        if (method.equals("get") && path.equals("/repos/" + REPO + "/releases")) {
            return releasePage(request, method, path);
        }
        if (method.equals("post") && path.equals("/repos/" + REPO + "/releases") && rateLimitNextCreate) {
            rateLimitNextCreate = false;
            return secondaryRateLimit("2");
        }
        if (method.equals("post") && path.equals("/repos/" + REPO + "/releases")) {
            JsonNode body = readJson(request);
            problems.addAll(description.requestProblems(method, path, body));
            long id = nextId++;
            ObjectNode created = releaseTemplate.deepCopy();
            created.put("id", id);
            created.put("tag_name", body.path("tag_name").asText());
            created.put("target_commitish", body.path("target_commitish").asText("main"));
            created.put("name", body.path("name").asText());
            created.put("body", body.path("body").asText());
            created.put("draft", body.path("draft").asBoolean());
            created.put("prerelease", body.path("prerelease").asBoolean());
            releases.put(id, created);
            return json(201, method, path, render(created));
        }
        if (method.equals("get") && releaseAssets.matches()) {
            ArrayNode list = JSON.createArrayNode();
            assets.getOrDefault(Long.parseLong(releaseAssets.group(1)), List.of()).forEach(list::add);
            return json(200, method, path, list);
        }
        if (method.equals("patch") && release.matches() && releases.containsKey(Long.parseLong(release.group(1)))) {
            ObjectNode updated = releases.get(Long.parseLong(release.group(1)));
            JsonNode body = readJson(request);
            problems.addAll(description.requestProblems(method, path, body));
            makeLatest.add(body.path("make_latest").asText(""));
            if (body.has("draft")) {
                updated.put("draft", body.path("draft").asBoolean());
            }
            return json(200, method, path, render(updated));
        }
        if (method.equals("delete") && asset.matches()) {
            long id = Long.parseLong(asset.group(1));
            boolean removed = assets.values().stream().anyMatch(list -> list.removeIf(a -> a.path("id").asLong() == id));
            return removed ? new MockResponse.Builder().code(204).build() : error(404, "Not Found");
        }
        return error(404, "Not Found");
    }

    /** One page of the release listing, newest first as GitHub lists them, with a Link header to the next page. */
    private MockResponse releasePage(RecordedRequest request, String method, String path) {
        String perPageParam = request.getUrl().queryParameter("per_page");
        String pageParam = request.getUrl().queryParameter("page");
        listRequests.add(request.getUrl().encodedQuery() == null ? "" : request.getUrl().encodedQuery());
        int perPage = perPageParam == null ? 30 : Math.min(100, Integer.parseInt(perPageParam));
        int page = pageParam == null ? 1 : Integer.parseInt(pageParam);
        List<ObjectNode> newestFirst = new ArrayList<>(releases.values());
        Collections.reverse(newestFirst);
        ArrayNode list = JSON.createArrayNode();
        newestFirst.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(r -> list.add(render(r)));
        MockResponse answer = json(200, method, path, list);
        if ((long) page * perPage < newestFirst.size()) {
            String next = api.url(API_PREFIX + path + "?per_page=" + perPage + "&page=" + (page + 1)).toString();
            answer = answer.newBuilder().addHeader("Link", "<" + next + ">; rel=\"next\"").build();
        }
        return answer;
    }

    private ObjectNode render(ObjectNode release) {
        ObjectNode copy = release.deepCopy();
        long id = release.path("id").asLong();
        copy.put("url", "https://api.github.com/repos/" + REPO + "/releases/" + id);
        copy.put("assets_url", "https://api.github.com/repos/" + REPO + "/releases/" + id + "/assets");
        copy.put("upload_url", uploadsBase + "repos/" + REPO + "/releases/" + id + "/assets{?name,label}");
        ArrayNode list = JSON.createArrayNode();
        assets.getOrDefault(id, List.of()).forEach(list::add);
        copy.set("assets", list);
        return copy;
    }

    private MockResponse json(int status, String method, String path, JsonNode body) {
        if (status < 300) {
            problems.addAll(description.responseProblems(method, path, status, body));
            validated++;
        }
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body.toString()).build();
    }

    /** GitHub's secondary rate limit: 429 with its message, and Retry-After in seconds unless null. */
    private static MockResponse secondaryRateLimit(String retryAfterSeconds) {
        MockResponse.Builder answer = new MockResponse.Builder().code(429)
                .addHeader("Content-Type", "application/json").body("{\"message\":\"You have exceeded a secondary "
                        + "rate limit. Please wait a few minutes before you try again.\"}");
        if (retryAfterSeconds != null) {
            answer.addHeader("Retry-After", retryAfterSeconds);
        }
        return answer.build();
    }

    private static MockResponse error(int status, String message) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
                .body("{\"message\":\"" + message + "\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                .build();
    }

    private static JsonNode readJson(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        api.close();
        uploads.close();
    }
}
