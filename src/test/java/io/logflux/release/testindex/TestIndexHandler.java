package io.logflux.release.testindex;

import io.logflux.release.rehearsal.IndexStorage;
import io.logflux.release.rehearsal.WarehouseReplies;
import io.undertow.io.Receiver;
import io.undertow.io.Sender;
import io.undertow.server.BlockingHttpExchange;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import org.xnio.IoUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stands in front of the rehearsal index's handler: watches the requests (log, user names, upload forms), injects
 * faults into uploads, and plays the indexes that differ from warehouse (no JSON API, HTML-only simple pages,
 * pypiserver's 409 for a re-upload, the proposed yank API, a person yanking by hand).
 */
final class TestIndexHandler implements HandlerWrapper {
    /** On an exchange whose connection goes instead of its answer: true while that is still to be logged. */
    private static final AttachmentKey<Boolean> DROP = AttachmentKey.create(Boolean.class);

    private final HiddenFiles hidden;
    private volatile IndexStorage storage;
    private volatile YankApi yankApi;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> requestLog = new ArrayList<>();
    private final Set<String> usernamesSeen = new LinkedHashSet<>();
    private final Map<String, Integer> yankAfterReads = new HashMap<>();
    private final Map<String, String> pendingYankReasons = new HashMap<>();
    private List<Map.Entry<String, String>> lastForm = List.of();
    private int uploadRequests;
    private long stallMillis = 3_000;
    private boolean conflictOnIdenticalReupload;
    private boolean htmlOnlySimpleApi;
    private boolean withoutJsonApi;
    private boolean withYankApi;

    TestIndexHandler(HiddenFiles hidden) {
        this.hidden = hidden;
    }

    /** The storage of the index this handler stands in front of (known once the index has started). */
    void attach(IndexStorage indexStorage) {
        this.storage = indexStorage;
        this.yankApi = new YankApi(indexStorage);
    }

    synchronized void failNextUploads(List<Fault> next) {
        faults.addAll(next);
    }

    synchronized void stallMillis(long millis) {
        this.stallMillis = millis;
    }

    synchronized void conflictOnIdenticalReupload(boolean conflict) {
        this.conflictOnIdenticalReupload = conflict;
    }

    synchronized void htmlOnlySimpleApi() {
        this.htmlOnlySimpleApi = true;
    }

    synchronized void withoutJsonApi() {
        this.withoutJsonApi = true;
    }

    synchronized void withYankApi() {
        this.withYankApi = true;
    }

    synchronized void yankAfterReads(String project, String version, String reason, int reads) {
        String key = IndexStorage.normalize(project) + "==" + version;
        yankAfterReads.put(key, reads);
        pendingYankReasons.put(key, reason);
    }

    synchronized List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    synchronized Set<String> usernamesSeen() {
        return Set.copyOf(usernamesSeen);
    }

    synchronized List<Map.Entry<String, String>> lastForm() {
        return lastForm;
    }

    synchronized int uploadRequests() {
        return uploadRequests;
    }

    @Override
    public HttpHandler wrap(HttpHandler index) {
        return exchange -> handle(exchange, index);
    }

    private void handle(HttpServerExchange exchange, HttpHandler index) throws Exception {
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestURI();
        noteUsername(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        boolean upload = method.equals("POST") && (path.equals("/legacy/") || path.equals("/"));
        // Logged as the answer starts, before the client can see any of it; new files count as stored then too.
        exchange.addResponseWrapper((factory, ex) -> {
            Boolean drop = ex.getAttachment(DROP);
            if (drop == null || drop) {
                log(method + " " + path + " -> " + (drop == null ? ex.getStatusCode() : 0));
            }
            if (upload) {
                hidden.stored(storage.files());
            }
            if (drop != null) {
                IoUtils.safeClose(ex.getConnection());
            }
            return factory.create();
        });
        if (upload) {
            upload(exchange, index);
        } else if (method.equals("PATCH") && path.startsWith("/api/projects/") && yankApiServed()) {
            yankApi.handle(exchange);
        } else if (method.equals("GET") && path.startsWith("/pypi/") && jsonApiRemoved()) {
            byte[] body = "{\"message\": \"Not Found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.setStatusCode(404).getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.setResponseContentLength(body.length);
            try (OutputStream out = exchange.getOutputStream()) {
                out.write(body);
            }
        } else {
            if (method.equals("GET") && path.startsWith("/pypi/")) {
                countYankRead(path);
            }
            if (method.equals("GET") && path.startsWith("/simple/") && htmlOnly()) {
                exchange.getRequestHeaders().remove(Headers.ACCEPT);
            }
            index.handleRequest(exchange);
        }
    }

    private void upload(HttpServerExchange exchange, HttpHandler index) throws Exception {
        long length = exchange.getRequestContentLength();
        Fault fault = null;
        if (length < 0 || length > 1024) {
            synchronized (this) {
                uploadRequests++;
                fault = faults.poll();
                notifyAll();
            }
        }
        if (fault == Fault.RESET_BEFORE_BODY) {
            dropConnection(exchange);
            return;
        }
        if (fault == Fault.RESET_MID_BODY) {
            exchange.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE, Math.max(length, 2048) / 2));
            dropConnection(exchange);
            return;
        }
        if (fault == Fault.STOP_READING_MID_BODY) {
            exchange.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE, Math.max(length, 2048) / 2));
            awaitNextUpload(stallMillisNow());
            dropConnection(exchange);
            return;
        }
        byte[] body = exchange.getInputStream().readAllBytes();
        ReceivedForm form = ReceivedForm.parse(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body);
        if (form != null && form.hasFile()) {
            synchronized (this) {
                lastForm = form.fields();
            }
        }
        if (fault != null && fault != Fault.LAND_THEN_DROP_RESPONSE) {
            answerFault(exchange, fault);
            return;
        }
        if (form != null && form.hasFile() && conflicts(form)) {
            WarehouseReplies.refuse(exchange, 409, "Package '" + form.fileName() + "' already exists!");
            return;
        }
        if (fault == Fault.LAND_THEN_DROP_RESPONSE) {
            // The index stores the file; as its answer starts, the connection goes.
            exchange.putAttachment(DROP, true);
        }
        exchange.startBlocking(new ReplayedBody(exchange.startBlocking(), body));
        index.handleRequest(exchange);
    }

    private void answerFault(HttpServerExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case STATUS_500 -> WarehouseReplies.refuse(exchange, 500, "Injected failure 500.");
            case STATUS_502 -> WarehouseReplies.refuse(exchange, 502, "Injected failure 502.");
            case STATUS_503 -> WarehouseReplies.refuse(exchange, 503, "Injected failure 503.");
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                WarehouseReplies.refuse(exchange, 429, "Too many requests. Slow down.");
            }
            case TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER ->
                    WarehouseReplies.refuse(exchange, 429, "Too many requests. Slow down.");
            case STALL -> {
                sleep(stallMillisNow());
                dropConnection(exchange);
            }
            default -> dropConnection(exchange);
        }
    }

    /** pypiserver's answer to a file it has under that name or with those bytes. */
    private boolean conflicts(ReceivedForm form) {
        synchronized (this) {
            if (!conflictOnIdenticalReupload) {
                return false;
            }
        }
        return storage.files().stream().anyMatch(f -> f.filename().equals(form.fileName())
                || f.sha256().equals(form.sha256()));
    }

    /** A person yanks the release by hand after a number of JSON API reads of it. */
    private synchronized void countYankRead(String path) {
        String[] segments = path.substring("/pypi/".length()).split("/");
        String project = IndexStorage.normalize(segments[0]);
        for (String key : List.copyOf(yankAfterReads.keySet())) {
            boolean read = key.startsWith(project + "==")
                    && (segments.length == 2 || key.equals(project + "==" + segments[1]));
            if (!read) {
                continue;
            }
            int left = yankAfterReads.get(key);
            if (left <= 0) {
                String version = key.substring(key.indexOf("==") + 2);
                storage.yank(project, version, pendingYankReasons.getOrDefault(key, ""));
                yankAfterReads.remove(key);
            } else {
                yankAfterReads.put(key, left - 1);
            }
        }
    }

    private void dropConnection(HttpServerExchange exchange) {
        log(exchange.getRequestMethod().toString() + " " + exchange.getRequestURI() + " -> 0");
        exchange.putAttachment(DROP, false);
        IoUtils.safeClose(exchange.getConnection());
    }

    private void noteUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "basic ", 0, 6)) {
            return;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            if (decoded.indexOf(':') >= 0) {
                synchronized (this) {
                    usernamesSeen.add(decoded.substring(0, decoded.indexOf(':')));
                }
            }
        } catch (IllegalArgumentException e) {
            // Not Basic auth the index can read; the index refuses it.
        }
    }

    private synchronized void log(String line) {
        requestLog.add(line);
    }

    private synchronized boolean yankApiServed() {
        return withYankApi;
    }

    private synchronized boolean jsonApiRemoved() {
        return withoutJsonApi;
    }

    private synchronized boolean htmlOnly() {
        return htmlOnlySimpleApi;
    }

    /** Waits until another upload request arrives, at most {@code millis}. */
    private synchronized void awaitNextUpload(long millis) throws InterruptedException {
        long seen = uploadRequests;
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; uploadRequests == seen && left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
    }

    private synchronized long stallMillisNow() {
        return stallMillis;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The body the test index already read, given to the index as if it came from the connection. */
    private record ReplayedBody(BlockingHttpExchange connection, byte[] body) implements BlockingHttpExchange {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public OutputStream getOutputStream() {
            return connection.getOutputStream();
        }

        @Override
        public Sender getSender() {
            return connection.getSender();
        }

        @Override
        public Receiver getReceiver() {
            return connection.getReceiver();
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
