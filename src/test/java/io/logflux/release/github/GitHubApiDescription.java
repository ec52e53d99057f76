package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub's own API description (@octokit/openapi, generated/api.github.com.json, OpenAPI 3.0) with a JSON-schema
 * validator from Maven Central: finds the operation of a request and validates bodies against its schemas.
 */
final class GitHubApiDescription {
    static final Path SPEC = FixturesServer.PEERS.resolve(
            "node_modules/@octokit/openapi/generated/api.github.com.json").toAbsolutePath();
    private static final String SPEC_IRI = "https://openapi.invalid/api.github.com.json";
    private static GitHubApiDescription loaded;

    private final JsonNode spec;
    private final SchemaRegistry registry;

    private GitHubApiDescription(String text) throws IOException {
        this.spec = new ObjectMapper().readTree(text);
        // The description is handed to the validator under a name of its own: nothing is fetched.
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(SPEC_IRI, text)));
    }

    /** The description, read once per test JVM (npm ci --prefix test-peers installs it; bash .ci/run does). */
    static synchronized GitHubApiDescription load() {
        if (loaded == null) {
            if (!Files.isRegularFile(SPEC)) {
                throw new IllegalStateException("@octokit/openapi is not installed at " + SPEC
                        + ": run npm ci --prefix test-peers (bash .ci/run does it)");
            }
            try {
                loaded = new GitHubApiDescription(Files.readString(SPEC));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** The operation for a method (lower case) and a path without query, or empty when the description has none. */
    Optional<JsonNode> operation(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            // {ref} spans segments (tags/v0.2.0): GitHub's x-multi-segment parameters.
            String regex = entry.getKey().replace("{ref}", ".+").replaceAll("\\{[^}]+}", "[^/]+");
            if (Pattern.matches(regex, path) && entry.getValue().has(method)) {
                return Optional.of(entry.getValue().get(method));
            }
        }
        return Optional.empty();
    }

    /** The JSON schema of the request body of an operation, or a missing node. */
    JsonNode requestSchemaNode(JsonNode operation) {
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    /** The JSON schema of an operation's response with this status, or a missing node. */
    JsonNode responseSchemaNode(JsonNode operation, int status) {
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
            response = spec.at(response.get("$ref").asText().substring(1));
        }
        return response.path("content").path("application/json").path("schema");
    }

    /** A schema node of the description, its local $refs made absolute so that they resolve in the file. */
    Schema schema(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        String text = copy.toString().replace("\"$ref\":\"#/", "\"$ref\":\"" + SPEC_IRI + "#/");
        return registry.getSchema(text, InputFormat.JSON);
    }

    /** What is wrong with {@code instance} for {@code schema}, each problem prefixed with {@code what}. */
    static List<String> problems(Schema schema, JsonNode instance, String what) {
        List<String> problems = new ArrayList<>();
        schema.validate(instance.toString(), InputFormat.JSON).forEach(e -> problems.add(what + ": "
                + e.getInstanceLocation() + " " + e.getMessage()));
        return problems;
    }

    /** What is wrong with a response: no such operation or status, or the body does not match the schema. */
    List<String> responseProblems(String method, String path, int status, JsonNode body) {
        String what = method.toUpperCase() + " " + path + " -> " + status;
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty()) {
            return List.of(what + ": no such operation in GitHub's description");
        }
        JsonNode schema = responseSchemaNode(operation.get(), status);
        if (schema.isMissingNode()) {
            return operation.get().path("responses").has(Integer.toString(status)) ? List.of()
                    : List.of(what + ": the operation has no response " + status);
        }
        return problems(schema(schema), body, what);
    }

    /** What is wrong with a JSON request body: not valid for the operation's schema, or a property it lacks. */
    List<String> requestProblems(String method, String path, JsonNode body) {
        String what = method.toUpperCase() + " " + path + " request";
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty()) {
            return List.of(what + ": no such operation in GitHub's description");
        }
        JsonNode schema = requestSchemaNode(operation.get());
        List<String> problems = new ArrayList<>(problems(schema(schema), body, what));
        body.fieldNames().forEachRemaining(name -> {
            if (!schema.path("properties").has(name)) {
                problems.add(what + ": property '" + name + "' is not in the operation's schema");
            }
        });
        return problems;
    }
}
