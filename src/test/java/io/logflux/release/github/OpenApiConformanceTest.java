package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
    private static final Path OURS = Path.of("src/test/resources/github-fixtures");
    private static final Path RECORDED = FixturesServer.PEERS.resolve(
            "node_modules/@octokit/fixtures/scenarios/api.github.com");
    private static GitHubApiDescription description;

    record Call(String file, String method, String path, JsonNode body, int status, JsonNode response) {
        @Override
        public String toString() {
            return file + ": " + method.toUpperCase() + " " + path + " -> " + status;
        }
    }

    @BeforeAll
    static void loadTheDescription() {
        assertThat(GitHubApiDescription.SPEC).as("@octokit/openapi (npm ci --prefix test-peers; bash .ci/run does it)")
                .isRegularFile();
        description = GitHubApiDescription.load();
    }

    @Test
    void everyRequestBodyOurClientSendsIsValidForItsOperation() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Call call : calls(ourFixtures())) {
            if (!call.body().isObject()) {
                continue;
            }
            JsonNode schema = description.requestSchemaNode(operation(call));
            assertThat(schema.isMissingNode()).as("request schema of " + call).isFalse();
            problems.addAll(GitHubApiDescription.problems(description.schema(schema), call.body(), call + " request"));
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
            problems.addAll(GitHubApiDescription.problems(responseSchema(call), call.response(), call + " response"));
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
            List<String> found = GitHubApiDescription.problems(responseSchema(call), call.response(),
                    call + " response");
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
        return description.operation(call.method(), call.path())
                .orElseThrow(() -> new AssertionError("no operation in the description for " + call));
    }

    private static Schema responseSchema(Call call) {
        JsonNode operation = operation(call);
        assertThat(operation.path("responses").has(Integer.toString(call.status())))
                .as("response " + call.status() + " of " + call).isTrue();
        JsonNode schema = description.responseSchemaNode(operation, call.status());
        assertThat(schema.isMissingNode()).as("response schema of " + call).isFalse();
        return description.schema(schema);
    }
}
