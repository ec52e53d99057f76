package io.logflux.release.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response from the GitHub API, body read. */
record GitHubReply(int status, String body, Map<String, List<String>> headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean ok() {
        return status >= 200 && status < 300;
    }

    JsonNode json() {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** GitHub's message with its {@code errors[]} as "resource.field: code (message)"; or the start of the body. */
    String message() {
        JsonNode json = json();
        if (!json.isObject()) {
            String text = body == null ? "" : body.strip();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
        StringBuilder out = new StringBuilder(json.path("message").asText(""));
        List<String> errors = new ArrayList<>();
        for (JsonNode e : json.path("errors")) {
            if (e.isTextual()) {
                errors.add(e.asText());
                continue;
            }
            String where = e.path("resource").asText("") + (e.hasNonNull("field") ? "." + e.get("field").asText() : "");
            errors.add((where.isEmpty() ? "" : where + ": ") + e.path("code").asText("")
                    + (e.hasNonNull("message") ? " (" + e.get("message").asText() + ")" : ""));
        }
        if (!errors.isEmpty()) {
            out.append(" [").append(String.join("; ", errors)).append(']');
        }
        return out.toString();
    }

    /** True when {@code errors[]} holds this code, such as {@code already_exists}. */
    boolean hasErrorCode(String code) {
        for (JsonNode e : json().path("errors")) {
            if (code.equals(e.path("code").asText())) {
                return true;
            }
        }
        return false;
    }
}
