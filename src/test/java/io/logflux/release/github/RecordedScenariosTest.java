package io.logflux.release.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against real GitHub traffic recorded by @octokit/fixtures, replayed request by request. */
class RecordedScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FixturesServer server = FixturesServer.shared();
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    private GitHubApi api(URI base, String repo) {
        return new GitHubApi(GitHubFixtures.recordedHttp(base, d -> { }, log::add),
                GitHubRepo.parse("octokit-fixture-org/" + repo), "credentials 'github-token'");
    }

    private Path hello() throws Exception {
        return Files.writeString(dir.resolve("test-upload.txt"), "Hello, world!\n");
    }

    @Test
    void releaseAssets_findUploadListReadRenameDelete() throws Exception {
        URI base = server.load("release-assets");
        GitHubApi api = api(base, "release-assets");

        JsonNode release = api.publishedRelease("v1.0.0").orElseThrow();
        Path hello = hello();
        GitHubReply uploaded = api.uploadAsset(release.path("upload_url").asText(), "test-upload.txt", "test", hello,
                Files.size(hello), AssetContentType.of("test-upload.txt"), false);
        List<JsonNode> assets = api.assets(release.path("id").asLong());
        JsonNode asset = api.asset(1000);
        ObjectNode rename = JSON.createObjectNode().put("name", "new-filename.txt").put("label", "new label");
        JsonNode renamed = api.updateAsset(1000, rename);
        boolean deleted = api.deleteAsset(1000);

        assertThat(release.path("id").asLong()).isEqualTo(1000);
        assertThat(release.path("upload_url").asText()).startsWith(base.resolve("/").toString()).endsWith("{?name,label}");
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().path("size").asLong()).isEqualTo(14);
        assertThat(assets).extracting(a -> a.path("name").asText()).containsExactly("test-upload.txt");
        assertThat(asset.path("state").asText()).isEqualTo("uploaded");
        assertThat(renamed.path("name").asText()).isEqualTo("new-filename.txt");
        assertThat(deleted).isTrue();
        server.assertConsumed(base);
    }

    @Test
    void releaseAssetsConflict_a422AlreadyExistsIsReadThenTheOldAssetReplaced() throws Exception {
        URI base = server.load("release-assets-conflict");
        GitHubApi api = api(base, "release-assets-conflict");
        JsonNode release = api.publishedRelease("v1.0.0").orElseThrow();
        String uploadUrl = release.path("upload_url").asText();

        Path hello = hello();
        GitHubReply conflict = api.uploadAsset(uploadUrl, "test-upload.txt", "test", hello, Files.size(hello),
                "text/plain", false);
        List<JsonNode> assets = api.assets(1000);
        api.deleteAsset(assets.get(0).path("id").asLong());
        GitHubReply again = api.uploadAsset(uploadUrl, "test-upload.txt", "test", hello, Files.size(hello),
                "text/plain", false);

        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.hasErrorCode("already_exists")).isTrue();
        assertThat(conflict.message()).isEqualTo("Validation Failed [ReleaseAsset.name: already_exists]");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asLong()).isEqualTo(1001);
        server.assertConsumed(base);
    }

    @Test
    void errors_githubsMessageAndErrorsAreQuotedWithTheRepoAndTheTokensOrigin() {
        URI base = server.load("errors");
        GitHubHttp http = GitHubFixtures.recordedHttp(base, d -> { }, log::add);
        GitHubApi api = new GitHubApi(http, GitHubRepo.parse("octokit-fixture-org/errors"), "credentials 'github-token'");

        GitHubReply reply = http.call("POST", base.resolve("repos/octokit-fixture-org/errors/labels"),
                RequestBody.create("{\"name\":\"foo\",\"color\":\"invalid\"}", GitHubHttp.JSON), false);

        assertThatThrownBy(() -> api.expect(reply, "create a label"))
                .isInstanceOf(GitHubException.class)
                .hasMessage("GitHub refused to create a label in octokit-fixture-org/errors: HTTP 422 \"Validation "
                        + "Failed [Label.color: invalid]\".")
                .extracting(e -> ((GitHubException) e).reason()).isEqualTo("github");
        server.assertConsumed(base);
    }

    @Test
    void gitRefs_refsAreListedCreatedMovedAndDeleted() {
        URI base = server.load("git-refs");
        GitHubHttp http = GitHubFixtures.recordedHttp(base, d -> { }, log::add);
        GitHubApi api = new GitHubApi(http, GitHubRepo.parse("octokit-fixture-org/git-refs"),
                "credentials 'github-token'");
        URI refs = base.resolve("repos/octokit-fixture-org/git-refs/git/refs");

        GitHubReply before = http.call("GET", URI.create(refs + "/"), null, true);
        GitHubReply created = http.call("POST", refs, RequestBody.create("{\"ref\":\"refs/heads/test\",\"sha\":"
                + "\"0000000000000000000000000000000000000002\"}", GitHubHttp.JSON), false);
        GitHubReply moved = http.call("PATCH", URI.create(refs + "/heads/test"), RequestBody.create(
                "{\"sha\":\"0000000000000000000000000000000000000001\"}", GitHubHttp.JSON), true);
        GitHubReply after = http.call("GET", URI.create(refs + "/"), null, true);
        boolean deleted = api.deleteRef("heads/test");

        assertThat(before.json()).hasSize(1);
        assertThat(created.status()).isEqualTo(201);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(after.json()).hasSize(2);
        assertThat(deleted).isTrue();
        server.assertConsumed(base);
    }
}
