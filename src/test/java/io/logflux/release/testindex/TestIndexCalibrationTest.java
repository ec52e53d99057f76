package io.logflux.release.testindex;

import io.logflux.release.rehearsal.StoredFile;

import io.logflux.release.publish.FileDigests;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.Captured;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the test index behaves like PyPI for the real clients: Debian's twine uploads to it (and reads its refusals
 * as it reads PyPI's), Debian's pip installs from it, through PEP 691 JSON and through PEP 503 HTML.
 */
class TestIndexCalibrationTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path wheel = SampleBuild.shared().wheel();
    final Path sdist = SampleBuild.shared().sdist();

    @TempDir
    Path dir;
    TestIndex index;
    String token;

    @BeforeEach
    void useTheIndex() {
        index = server.index();
        token = server.token();
    }

    private DebianPython.Result twine(String secret, String username, String... args) {
        List<String> command = new ArrayList<>(List.of("-m", "twine", "upload", "--non-interactive",
                "--disable-progress-bar", "--repository-url", index.uploadUrl()));
        command.addAll(List.of(args));
        DebianPython.Result result = DebianPython.run(dir, Map.of("TWINE_USERNAME", username, "TWINE_PASSWORD", secret,
                "COLUMNS", "1000"), command.toArray(String[]::new));
        Captured.record(getClass().getSimpleName(), result.output());
        return result;
    }

    @Test
    void twineUploadsAndPipInstallsThroughTheJsonSimpleApi() {
        DebianPython.Result upload = twine(token, "__token__", wheel.toString(), sdist.toString());

        assertThat(upload.status()).as(upload.output()).isZero();
        assertThat(index.files()).extracting(StoredFile::filename)
                .containsExactlyInAnyOrder(wheel.getFileName().toString(), sdist.getFileName().toString());
        assertThat(index.files()).allSatisfy(f -> assertThat(f.sha256())
                .isEqualTo(FileDigests.of(f.filename().endsWith(".whl") ? wheel : sdist).sha256()));
        assertThat(index.files()).extracting(StoredFile::project, StoredFile::version)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("logflux", "0.2.0"));

        assertThat(pipInstallAndImport(index.simpleUrl())).isEqualTo("0.2.0");
        assertThat(index.requestLog()).contains("GET /simple/logflux/ -> 200", "GET /packages/"
                + wheel.getFileName() + " -> 200");
    }

    @Test
    void pipInstallsThroughPep503HtmlWhenTheIndexHasNoJsonSimpleApi() {
        index.htmlOnlySimpleApi();
        assertThat(twine(token, "__token__", wheel.toString()).status()).isZero();

        assertThat(pipInstallAndImport(index.simpleUrl())).isEqualTo("0.2.0");
    }

    @Test
    void anIdenticalReuploadIsAcceptedSilentlyAndStoredOnce() {
        assertThat(twine(token, "__token__", wheel.toString()).status()).isZero();

        DebianPython.Result again = twine(token, "__token__", wheel.toString());

        assertThat(again.status()).as(again.output()).isZero();
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
    }

    @Test
    void twineReadsADifferentFileUnderAnExistingNameAsAlreadyExisting() throws Exception {
        assertThat(twine(token, "__token__", wheel.toString()).status()).isZero();
        java.nio.file.Files.createDirectories(dir.resolve("changed"));
        Path changed = ArchiveEditor.ofWheel(wheel).put("logflux/extra.py", "X = 1\n")
                .writeWheel(dir.resolve("changed").resolve(wheel.getFileName()));

        DebianPython.Result refused = twine(token, "__token__", "--verbose", changed.toString());
        DebianPython.Result skipped = twine(token, "__token__", "--skip-existing", changed.toString());

        assertThat(refused.status()).isNotZero();
        assertThat(refused.output()).contains("400").contains("File already exists ('" + wheel.getFileName()
                + "', with blake2_256 hash");
        assertThat(skipped.status()).as(skipped.output()).isZero();
        assertThat(skipped.output()).contains("Skipping " + wheel.getFileName());
        assertThat(index.writes(wheel.getFileName().toString())).isEqualTo(1);
    }

    @Test
    void twineGets403ForAnUnknownTokenAndForAUsername() {
        DebianPython.Result unknown = twine(FakeTokens.pypi(), "__token__", "--verbose", wheel.toString());
        DebianPython.Result password = twine("hunter2", "alice", "--verbose", wheel.toString());

        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.output()).contains("403").contains("Invalid or non-existent authentication information");
        assertThat(password.output()).contains("403").contains("Username/Password authentication is no longer "
                + "supported");
        assertThat(index.files()).isEmpty();
    }

    @Test
    void aProjectScopedTokenCannotUploadToAnotherProject() {
        String scoped = FakeTokens.pypi();
        index.acceptToken(scoped, "another-project");

        DebianPython.Result result = twine(scoped, "__token__", "--verbose", wheel.toString());

        assertThat(result.status()).isNotZero();
        assertThat(result.output()).contains("Invalid API Token: project-scoped token is not valid for project: "
                + "'logflux'");
        assertThat(index.files()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithPypisText() {
        index.maxFileBytes(1024);

        DebianPython.Result result = twine(token, "__token__", "--verbose", wheel.toString());

        assertThat(result.output()).contains("File too large. Limit for project 'logflux' is 0 MB.");
        assertThat(index.files()).isEmpty();
    }

    private String pipInstallAndImport(String simpleUrl) {
        Path venv = dir.resolve("venv");
        DebianPython.runOk(dir, "-m", "venv", venv.toString());
        DebianPython.Result install = DebianPython.runCommand(dir, Map.of(), List.of(
                venv.resolve("bin/python").toString(), "-m", "pip", "install", "--no-cache-dir",
                "--disable-pip-version-check", "--index-url", simpleUrl, "logflux==0.2.0"));
        assertThat(install.status()).as(install.output()).isZero();
        DebianPython.Result imported = DebianPython.runCommand(dir, Map.of(), List.of(
                venv.resolve("bin/python").toString(), "-c", "import logflux; print(logflux.__version__)"));
        assertThat(imported.status()).as(imported.output()).isZero();
        return imported.output().strip();
    }
}
