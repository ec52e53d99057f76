package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub traffic of the tests against GitHub's own API description (@octokit/openapi, generated/api.github.com.json,
 * OpenAPI 3.0), with a JSON-schema validator from Maven Central:
 * <ul>
 * <li>every JSON request body the client sends — our fixture files hold them, and the fixtures server only answers
 * requests whose body equals the file's — against the operation's request schema, with no property the schema lacks;
 * <li>every response in our fixture files against the operation's response schema for its status (so the scripted
 * GitHub looks like the real one);
 * <li>the recorded responses the client parses (@octokit/fixtures, 2022): valid except for {@code digest}, which GitHub
 * added to assets in 2025 and the recordings predate.
 * </ul>
 */
class OpenApiConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SPEC = FixturesServer.PEERS.resolve(
            "node_modules/@octokit/openapi/generated/api.github.com.json").toAbsolutePath();
    private static final Path OURS = Path.of("src/test/resources/github-fixtures");
    private static final Path RECORDED = FixturesServer.PEERS.resolve(
            "node_modules/@octokit/fixtures/scenarios/api.github.com");
    private static final String SPEC_IRI = "https://openapi.invalid/api.github.com.json";
    private static JsonNode spec;
    private static SchemaRegistry registry;

    record Call(String file, String method, String path, JsonNode body, int status, JsonNode response) {
        @Override
        public String toString() {
            return file + ": " + method.toUpperCase() + " " + path + " -> " + status;
        }
    }

    @BeforeAll
    static void loadTheDescription() throws IOException {
        assertThat(SPEC).as("@octokit/openapi (npm ci --prefix test-peers; bash .ci/run does it)").isRegularFile();
        String text = Files.readString(SPEC);
        spec = JSON.readTree(text);
        // The description is handed to the validator under a name of its own: nothing is fetched.
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(SPEC_IRI, text)));
    }

    @Test
    void everyRequestBodyOurClientSendsIsValidForItsOperation() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Call call : calls(ourFixtures())) {
            if (!call.body().isObject()) {
                continue;
            }
            JsonNode schema = operation(call).path("requestBody").path("content").path("application/json")
                    .path("schema");
            assertThat(schema.isMissingNode()).as("request schema of " + call).isFalse();
            validate(inline(schema), call.body(), call + " request", problems);
            Iterator<String> names = call.body().fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!schema.path("properties").has(name)) {
                    problems.add(call + " request: property '" + name + "' is not in the operation's schema");
                }
            }
            checked++;
        }
        assertThat(checked).as("request bodies checked").isGreaterThanOrEqualTo(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyResponseInOurFixturesIsValidForItsOperationAndStatus() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Call call : calls(ourFixtures())) {
            if (call.status() >= 300 || !(call.response().isObject() || call.response().isArray())) {
                continue;
            }
            validate(responseSchema(call), call.response(), call + " response", problems);
            checked++;
        }
        assertThat(checked).as("responses checked").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void theRecordedResponsesTheClientParsesDifferOnlyByTheMissingAssetDigest() throws IOException {
        List<Path> recorded = Stream.of("release-assets", "release-assets-conflict", "git-refs")
                .map(s -> RECORDED.resolve(s).resolve("normalized-fixture.json")).toList();
        List<String> problems = new ArrayList<>();
        List<String> digestOnly = new ArrayList<>();
        for (Call call : calls(recorded)) {
            if (call.status() >= 300 || !(call.response().isObject() || call.response().isArray())
                    || call.path().endsWith("/git/refs/")) {
                continue; // GET /git/refs/ (list all) is no longer in the description
            }
            List<String> found = new ArrayList<>();
            validate(responseSchema(call), call.response(), call + " response", found);
            for (String problem : found) {
                (problem.contains("digest") ? digestOnly : problems).add(problem);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(digestOnly).as("recordings predate the asset digest").isNotEmpty();
    }

    private static List<Path> ourFixtures() throws IOException {
        try (Stream<Path> files = Files.list(OURS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Call> calls(List<Path> files) throws IOException {
        List<Call> calls = new ArrayList<>();
        for (Path file : files) {
            for (JsonNode entry : JSON.readTree(file.toFile())) {
                String path = entry.path("path").asText();
                JsonNode body = entry.path("body");
                calls.add(new Call(file.getFileName().toString(), entry.path("method").asText(),
                        path.contains("?") ? path.substring(0, path.indexOf('?')) : path, body,
                        entry.path("status").asInt(), entry.path("response")));
            }
        }
        return calls;
    }

    private static JsonNode operation(Call call) {
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            // {ref} spans segments (tags/v0.2.0): GitHub's x-multi-segment parameters.
            String regex = entry.getKey().replace("{ref}", ".+").replaceAll("\\{[^}]+}", "[^/]+");
            if (Pattern.matches(regex, call.path()) && entry.getValue().has(call.method())) {
                return entry.getValue().get(call.method());
            }
        }
        throw new AssertionError("no operation in the description for " + call);
    }

    private static Schema responseSchema(Call call) {
        JsonNode response = operation(call).path("responses").path(Integer.toString(call.status()));
        assertThat(response.isMissingNode()).as("response " + call.status() + " of " + call).isFalse();
        if (response.has("$ref")) {
            response = spec.at(response.get("$ref").asText().substring(1));
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as("response schema of " + call).isFalse();
        return inline(schema);
    }

    /** A schema node of the description, its local $refs made absolute so that they resolve in the file. */
    private static Schema inline(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        String text = copy.toString().replace("\"$ref\":\"#/", "\"$ref\":\"" + SPEC_IRI + "#/");
        return registry.getSchema(text, InputFormat.JSON);
    }

    private static void validate(Schema schema, JsonNode instance, String what, List<String> problems) {
        schema.validate(instance.toString(), InputFormat.JSON).forEach(e -> problems.add(what + ": "
                + e.getInstanceLocation() + " " + e.getMessage()));
    }
}
