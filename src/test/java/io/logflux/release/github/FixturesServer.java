package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GitHub's recorded API traffic, replayed by the real {@code @octokit/fixtures-server} (npm, installed by .ci/run in
 * test-peers/), with this project's own scenarios (src/test/resources/github-fixtures) added; bound to 127.0.0.1.
 * One server per test JVM; each {@link #load} gets its own copy of a scenario, whose requests must come in order.
 */
public final class FixturesServer {
    static final Path PEERS = Path.of("test-peers");
    public static final String RECORDED_TOKEN = "0000000000000000000000000000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FixturesServer shared;

    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private FixturesServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized FixturesServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.process.destroy()));
        }
        return shared;
    }

    private static FixturesServer start() {
        if (!Files.isDirectory(PEERS.resolve("node_modules/@octokit/fixtures-server"))) {
            throw new AssertionError("@octokit/fixtures-server is not installed: run 'npm ci --prefix test-peers' "
                    + "(bash .ci/run does).");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String glob = Path.of("src/test/resources/github-fixtures").toAbsolutePath() + "/*.json";
            Process process = new ProcessBuilder("node", "fixtures-server.mjs", Integer.toString(port), glob)
                    .directory(PEERS.toFile()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("listening")) {
                process.destroyForcibly();
                throw new AssertionError("the fixtures server did not start: " + first);
            }
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "fixtures-server-output");
            drain.setDaemon(true);
            drain.start();
            return new FixturesServer(process, port);
        } catch (IOException e) {
            throw new AssertionError("cannot start node (install nodejs; bash .ci/run does): " + e.getMessage(), e);
        }
    }

    /** Loads a scenario; returns the API base URL its requests go to (with a trailing slash). */
    public URI load(String scenario) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/fixtures"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"" + scenario + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError("loading scenario " + scenario + " failed: " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return URI.create(body.get("url").asText() + "/");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts that every request of the scenario loaded at {@code base} was made: the server then forgets it. */
    public void assertConsumed(URI base) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("consumed-check"))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (!(response.statusCode() == 404 && response.body().contains("not found"))) {
                throw new AssertionError("the scenario still has requests pending: " + response.body());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
