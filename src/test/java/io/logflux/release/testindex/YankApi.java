package io.logflux.release.testindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logflux.release.rehearsal.IndexStorage;
import io.logflux.release.rehearsal.WarehouseReplies;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * warehouse's proposed yank API (PR 16912): {@code PATCH /api/projects/<name>/<version>} with
 * {@code {"yanked": bool, "yanked_reason": str|null}}, token auth as for uploads.
 */
final class YankApi {
    private final ObjectMapper json = new ObjectMapper();
    private final IndexStorage storage;

    YankApi(IndexStorage storage) {
        this.storage = storage;
    }

    void handle(HttpServerExchange exchange) throws IOException {
        String[] segments = exchange.getRequestURI().substring("/api/projects/".length()).split("/");
        if (segments.length != 2) {
            WarehouseReplies.refuse(exchange, 404, "Not Found");
            return;
        }
        Optional<Set<String>> scope = token(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))
                .flatMap(storage::scopeOf);
        if (scope.isEmpty()) {
            WarehouseReplies.refuse(exchange, 403, "Invalid or non-existent authentication information.");
            return;
        }
        String project = IndexStorage.normalize(URLDecoder.decode(segments[0], StandardCharsets.UTF_8));
        String version = URLDecoder.decode(segments[1], StandardCharsets.UTF_8);
        if (!scope.get().isEmpty() && !scope.get().contains(project)) {
            WarehouseReplies.refuse(exchange, 403, "Invalid API Token: project-scoped token is not valid for project: '"
                    + project + "'");
            return;
        }
        if (storage.files().stream().noneMatch(f -> f.project().equals(project) && f.version().equals(version))) {
            WarehouseReplies.refuse(exchange, 404, "Not Found");
            return;
        }
        JsonNode body = json.readTree(exchange.getInputStream().readAllBytes());
        if (!body.path("yanked").isBoolean()) {
            WarehouseReplies.refuse(exchange, 400, "`yanked` must be a boolean");
            return;
        }
        boolean yank = body.get("yanked").asBoolean();
        String reason = body.path("yanked_reason").asText("");
        if (yank) {
            storage.yank(project, version, reason);
        } else {
            storage.unyank(project, version);
        }
        ObjectNode reply = json.createObjectNode().put("name", project).put("version", version).put("yanked", yank)
                .put("yanked_reason", reason);
        byte[] bytes = json.writeValueAsBytes(reply);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.setResponseContentLength(bytes.length);
        try (OutputStream out = exchange.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** The token of a Basic {@code __token__} or Token/Bearer header. */
    private static Optional<String> token(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("token ") || lower.startsWith("bearer ")) {
            return Optional.of(header.substring(header.indexOf(' ') + 1).trim());
        }
        if (!lower.startsWith("basic ")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.startsWith("__token__:") ? Optional.of(decoded.substring("__token__:".length()))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
