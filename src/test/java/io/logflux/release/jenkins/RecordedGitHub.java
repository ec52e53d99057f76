package io.logflux.release.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays one of this project's recorded GitHub scenarios (src/test/resources/github-fixtures, the format of
 * {@code @octokit/fixtures}) in order, on 127.0.0.1, with the JDK's own HTTP server: for the JenkinsRule tests, which
 * run where neither Node.js nor the default build's fixtures server is at hand (hpi/pom.xml compiles this class into
 * its test classes). Requests must come in the recorded order with the recorded method, path and body; the API and
 * uploads hosts of the recording are both this server. {@code RecordedGitHubTest} checks it against the engine.
 */
final class RecordedGitHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> exchanges = new ArrayList<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;
    private int next;

    private RecordedGitHub(Path scenario) throws IOException {
        JSON.readTree(scenario.toFile()).forEach(exchanges::add);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** @param scenario a recording such as {@code src/test/resources/github-fixtures/logflux-create-publish.json} */
    static RecordedGitHub replay(Path scenario) {
        try {
            return new RecordedGitHub(scenario);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay " + scenario, e);
        }
    }

    /** The API URL to give the step ({@code apiUrl:}). */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Fails unless every recorded request was made, as recorded, and nothing else was. */
    synchronized void assertConsumed() {
        if (!problems.isEmpty() || next != exchanges.size()) {
            throw new AssertionError("GitHub replay: " + next + " of " + exchanges.size() + " requests made; "
                    + problems);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode recorded = take(exchange, new String(body, StandardCharsets.UTF_8));
            if (recorded == null) {
                send(exchange, 500, Map.of(), "{\"message\":\"not in the recording\"}");
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, String> headers = JSON.convertValue(recorded.path("headers"), Map.class);
            JsonNode response = recorded.path("response");
            send(exchange, recorded.path("status").asInt(), headers, rewrite(response.isTextual() ? response.asText()
                    : JSON.writeValueAsString(response)));
        }
    }

    private synchronized JsonNode take(HttpExchange exchange, String body) throws IOException {
        String method = exchange.getRequestMethod().toLowerCase(Locale.ROOT);
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (next >= exchanges.size()) {
            problems.add("unexpected " + method + " " + target);
            return null;
        }
        JsonNode recorded = exchanges.get(next);
        String expected = recorded.path("method").asText() + " " + recorded.path("path").asText();
        if (!expected.equals(method + " " + target)) {
            problems.add("request " + (next + 1) + ": expected " + expected + ", got " + method + " " + target);
            return null;
        }
        if (!sameBody(recorded.path("body"), body)) {
            problems.add("request " + (next + 1) + " (" + expected + "): body " + body + " is not the recorded "
                    + recorded.path("body"));
            return null;
        }
        next++;
        return recorded;
    }

    /** A recorded JSON body matches the same JSON in any layout; a text body matches exactly. */
    private static boolean sameBody(JsonNode recorded, String body) throws IOException {
        if (recorded.isMissingNode() || recorded.isTextual() && recorded.asText().isEmpty()) {
            return body.isEmpty();
        }
        if (recorded.isTextual()) {
            return recorded.asText().equals(body);
        }
        return recorded.equals(JSON.readTree(body));
    }

    private String rewrite(String text) {
        String base = apiUrl().substring(0, apiUrl().length() - 1);
        return text.replace("https://api.github.com", base).replace("https://uploads.github.com", base);
    }

    private void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                exchange.getResponseHeaders().set(name, rewrite(value));
            }
        });
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
