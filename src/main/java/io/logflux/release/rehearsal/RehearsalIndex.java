package io.logflux.release.rehearsal;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import org.xnio.Options;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PyPI-compatible package index on 127.0.0.1, for {@code release --rehearse}, which runs the whole release against
 * two of them with no network and no token: warehouse's legacy upload API (its order of checks, its error texts, its
 * JSON error bodies), the JSON API, the simple API (PEP 691 JSON and PEP 503 HTML) and file downloads. The tests use
 * it as PyPI's stand-in and calibrate it against real twine and pip. Facts: shared/reference/pypi-protocol.md §1
 * and §4.
 */
public final class RehearsalIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RehearsalIndex.class.getName());

    private final IndexStorage storage;
    private final UploadRules rules;
    private final Undertow server;
    private final String baseUrl;

    static {
        QuietServerLogs.apply();
    }

    /** The largest request head (line and headers): 64 KiB holds gunicorn's 32 KiB field warehouse allows for tokens. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** gunicorn's limit_request_fields, which warehouse's upload servers keep (gunicorn-uploads.conf.py). */
    private static final int MAX_HEADERS = 100;

    private RehearsalIndex(Path dir, HandlerWrapper around, Listing listing, ConnectionLimits connections)
            throws IOException {
        this.storage = new IndexStorage(dir);
        this.rules = new UploadRules(storage);
        Routes routes = new Routes();
        this.server = Undertow.builder()
                .addHttpListener(0, InetAddress.getLoopbackAddress().getHostAddress())
                .setIoThreads(2)
                .setWorkerThreads(connections.workerThreads())
                .setSocketOption(Options.CONNECTION_HIGH_WATER, connections.maxConnections())
                .setSocketOption(Options.CONNECTION_LOW_WATER, connections.maxConnections())
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, connections.idleMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, connections.idleMillis())
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, connections.requestParseMillis())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADERS)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_HEADERS)
                // Undertow refuses bodies over 10 MiB by default; the upload endpoint reads against its own limits
                // (FormLimits, from a file limit that can change) and no handler reads more than 64 KiB of any
                // other body (IndexExchange.discardRestOfBody).
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setHandler(new BlockingHandler(new Timeouts(connections.idleMillis(), around.wrap(routes))))
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        this.baseUrl = "http://127.0.0.1:" + port + "/";
        ShownFiles shown = new ShownFiles(storage, listing, baseUrl);
        routes.serve(new UploadEndpoint(storage, rules), new JsonApi(shown), new SimpleApi(shown),
                new FileDownloads(storage));
    }

    /** Starts an index on a free loopback port, keeping its files under {@code dir}. */
    public static RehearsalIndex start(Path dir) {
        return start(dir, handler -> handler, Listing.EVERY_FILE);
    }

    /**
     * Starts an index whose requests pass through {@code around} first (it may answer some itself) and whose listings
     * show what {@code listing} lets through.
     */
    public static RehearsalIndex start(Path dir, HandlerWrapper around, Listing listing) {
        return start(dir, around, listing, ConnectionLimits.DEFAULT);
    }

    /** Starts an index whose connections are bounded by {@code connections} (the tests' short timeouts). */
    static RehearsalIndex start(Path dir, ConnectionLimits connections) {
        return start(dir, handler -> handler, Listing.EVERY_FILE, connections);
    }

    private static RehearsalIndex start(Path dir, HandlerWrapper around, Listing listing,
                                        ConnectionLimits connections) {
        try {
            return new RehearsalIndex(dir, around, listing, connections);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the rehearsal index", e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String uploadUrl() {
        return baseUrl + "legacy/";
    }

    public String simpleUrl() {
        return baseUrl + "simple/";
    }

    public String jsonApiUrl() {
        return baseUrl + "pypi/";
    }

    /** Accepts {@code token} (as password of {@code __token__}), for every project or only the ones named. */
    public RehearsalIndex acceptToken(String token, String... projects) {
        storage.acceptToken(token, Set.of(projects));
        return this;
    }

    /**
     * The largest file an upload may carry (warehouse's 100 MiB unless raised for the project); the whole upload may
     * be a little larger (its text fields: {@link FormLimits}).
     */
    public RehearsalIndex maxFileBytes(long bytes) {
        rules.maxFileBytes(bytes);
        return this;
    }

    public IndexStorage storage() {
        return storage;
    }

    public List<StoredFile> files() {
        return storage.files();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Bounds each blocking read and write of a request's handler (Undertow waits 10 minutes per read otherwise; the
     * idle timeout does not end a blocked read). Set on the connection itself, so that the reading thread gets the
     * timeout: as socket options they would also arm Undertow's timer, whose close from the I/O thread races the
     * handler's read (UT005090).
     */
    private record Timeouts(int millis, HttpHandler next) implements HttpHandler {
        @Override
        public void handleRequest(io.undertow.server.HttpServerExchange exchange) throws Exception {
            exchange.getConnection().setOption(Options.READ_TIMEOUT, millis);
            exchange.getConnection().setOption(Options.WRITE_TIMEOUT, millis);
            next.handleRequest(exchange);
        }
    }

    /** Which endpoint answers a request; set once the server knows its port. */
    private static final class Routes implements HttpHandler {
        private volatile UploadEndpoint upload;
        private volatile JsonApi jsonApi;
        private volatile SimpleApi simpleApi;
        private volatile FileDownloads files;

        void serve(UploadEndpoint upload, JsonApi jsonApi, SimpleApi simpleApi, FileDownloads files) {
            this.upload = upload;
            this.jsonApi = jsonApi;
            this.simpleApi = simpleApi;
            this.files = files;
        }

        @Override
        public void handleRequest(io.undertow.server.HttpServerExchange undertow) {
            IndexExchange exchange = new IndexExchange(undertow);
            String path = exchange.getRawPath();
            String method = exchange.getRequestMethod();
            try {
                route(exchange, method, path);
            } catch (IOException | RuntimeException e) {
                // Not handed to Undertow, which would print it as an error with a stack trace (on the command line,
                // in the rehearsal's output). The client sees the connection close.
                LOG.log(Level.FINE, method + " " + path + " failed in the rehearsal index", e);
            } finally {
                exchange.close();
            }
        }

        private void route(IndexExchange exchange, String method, String path) throws IOException {
            if (method.equals("POST") && path.equals("/legacy")) {
                WarehouseReplies.redirect(exchange, 308, "/legacy/");
            } else if (method.equals("POST") && (path.equals("/legacy/") || path.equals("/"))) {
                // "/" is where pypiserver takes uploads.
                upload.handle(exchange);
            } else if (method.equals("GET") && path.startsWith("/pypi/")) {
                jsonApi.handle(exchange, path);
            } else if (method.equals("GET") && path.startsWith("/simple/")) {
                simpleApi.handle(exchange, path);
            } else if (method.equals("GET") && path.startsWith("/packages/")) {
                files.handle(exchange, path);
            } else if (method.equals("POST")) {
                WarehouseReplies.refuse(exchange, 405, "The method POST is not allowed for this resource.");
            } else {
                WarehouseReplies.refuse(exchange, 404, "Not Found");
            }
        }
    }
}
