package io.logflux.release.cli;

import io.logflux.release.testindex.TestIndex;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.FakeTokens;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** publish, await and verify-install as a user runs them, against the calibrated test index. */
class PublishCommandTest {
    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path wheel = SampleBuild.shared().wheel();
    final Path sdist = SampleBuild.shared().sdist();
    final String distPattern = SampleBuild.shared().distPattern();

    @TempDir
    Path dir;
    TestIndex index;
    String token;
    final Map<String, String> env = new HashMap<>();


    @BeforeEach
    void useTheIndex() {
        index = server.index();
        token = server.token();
    }

    private CliRun run(String... args) {
        CliRun run = CliRun.run(getClass().getSimpleName(), env, args);
        assertThat(run.out() + run.err()).doesNotContain(token);
        return run;
    }

    @Test
    void publishesFromAPatternWaitsUntilServedAndPrintsTheSummary() {
        env.put("LOGFLUX_UPLOAD_TOKEN", token);

        CliRun run = run("publish", "--repository", index.uploadUrl(), "--token-env", "LOGFLUX_UPLOAD_TOKEN", distPattern);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("Published logflux 0.2.0 to " + index.uploadUrl()
                + ": 2 uploaded, 0 already there.");
        assertThat(run.err()).contains("Uploading " + wheel.getFileName())
                .contains("serves all 2 file(s) of logflux 0.2.0");
        assertThat(index.files()).hasSize(2);
    }

    @Test
    void aRerunWithJsonOutputReportsTheSkippedFilesAndTheirUrls() {
        env.put("TWINE_PASSWORD", token);
        assertThat(run("publish", "-r", index.uploadUrl(), wheel.toString()).status()).isZero();

        CliRun again = run("publish", "-r", index.uploadUrl(), "--json", wheel.toString(), sdist.toString());

        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("\"file\":\"" + wheel.getFileName() + "\"")
                .contains("\"outcome\":\"already_present\",\"attempts\":0,\"url\":\"" + index.baseUrl() + "packages/"
                        + wheel.getFileName() + "\"")
                .contains("\"outcome\":\"uploaded\",\"attempts\":1")
                .contains("\"served\":true");
    }

    @Test
    void verifyInstallInstallsWhatWasPublished() {
        env.put("TWINE_PASSWORD", token);

        CliRun run = run("publish", "-r", index.uploadUrl(), "--verify-install", "--python", DebianPython.executable(),
                wheel.toString(), sdist.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("Install check passed: logflux==0.2.0 from " + index.simpleUrl()
                + " imports and reports version 0.2.0.");
    }

    @Test
    void awaitAndVerifyInstallWorkOnTheirOwnWithoutAToken() {
        index.preload(wheel, "logflux", "0.2.0");

        CliRun await = run("await", "-r", index.uploadUrl(), "--timeout", "30s", wheel.toString());
        CliRun install = run("verify-install", "-r", index.uploadUrl(), "--python", DebianPython.executable(),
                wheel.toString());

        assertThat(await.status()).as(await.err()).isZero();
        assertThat(await.out().strip()).isEqualTo("Served: " + wheel.getFileName());
        assertThat(install.status()).as(install.err()).isZero();
        assertThat(install.out().strip()).isEqualTo("logflux==0.2.0 installs from " + index.simpleUrl()
                + " and imports as version 0.2.0");
    }

    @Test
    void withoutATokenInTheEnvironmentItIsAUsageErrorNamingTheVariables() {
        CliRun pypi = run("publish", "-r", "testpypi", wheel.toString());
        CliRun custom = run("publish", "-r", index.uploadUrl(), "--token-env", "MY_TOKEN", wheel.toString());

        assertThat(pypi.status()).isEqualTo(2);
        assertThat(pypi.err()).contains("No token for testpypi (https://test.pypi.org/legacy/): set "
                + "TEST_PYPI_API_TOKEN or TWINE_PASSWORD, or name the variable with --token-env.");
        assertThat(custom.status()).isEqualTo(2);
        assertThat(custom.err()).contains("set MY_TOKEN.");
    }

    @Test
    void parallelUploadsBelowOneIsAUsageErrorBeforeAnythingIsSent() {
        CliRun run = run("publish", "-r", index.uploadUrl(), "--token-env", "MY_TOKEN", "--parallel-uploads", "0",
                wheel.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--parallel-uploads takes 1 or more (1 uploads one file at a time); got 0.");
        assertThat(index.requestLog()).isEmpty();
    }

    @Test
    void attemptsBelowOneAndANonPositiveTimeoutAreUsageErrorsNamingTheOption() {
        CliRun attempts = run("publish", "-r", index.uploadUrl(), "--attempts", "0", wheel.toString());
        CliRun timeout = run("publish", "-r", index.uploadUrl(), "--connect-timeout", "0s", wheel.toString());

        assertThat(attempts.status()).isEqualTo(2);
        assertThat(attempts.err()).contains("--attempts takes 1 or more (1 sends each request once); got 0.");
        assertThat(timeout.status()).isEqualTo(2);
        assertThat(timeout.err()).contains("--connect-timeout takes a duration above zero");
        assertThat(index.requestLog()).isEmpty();
    }

    @Test
    void theHelpShowsTheEnginesDefaults() {
        PublishRequest defaults = PublishRequest.defaults();

        String help = run("publish", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("(default: " + DurationArgument.format(defaults.waitTimeout()) + ")")
                .contains("(default: " + DurationArgument.format(defaults.connectTimeout()) + ")")
                .contains("(default: " + defaults.attempts() + ")")
                .contains("(default: " + defaults.parallelUploads() + "; 1 = one at a time)")
                .contains("(default: PyPI's " + ByteSize.format(defaults.maxFileSize()) + ")")
                .contains("(default: " + defaults.python() + ")");
        assertThat(help).contains("(default: 15m)").contains("(default: 15s)").contains("(default: PyPI's 100MiB)");
    }

    @Test
    void aFailedPublicationWithJsonPrintsTheFailureAndItsReason() {
        env.put("TWINE_PASSWORD", FakeTokens.pypi());

        CliRun run = run("publish", "-r", index.uploadUrl(), "--json", wheel.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("{\"ok\":false,\"reason\":\"").contains("\"message\":\"");
        assertThat(run.err()).contains("error: ");
        assertThat(index.files()).isEmpty();
    }

    @Test
    void aTokenOnTheCommandLineIsRefusedWithoutBeingEchoed() {
        CliRun run = run("publish", "-r", index.uploadUrl(), "--token", token, wheel.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Tokens are never taken from the command line");
        assertThat(index.requestLog()).isEmpty();
    }

    @Test
    void aRefusedTokenExitsWithOneAndNamesTheVariable() {
        env.put("TWINE_PASSWORD", FakeTokens.pypi());

        CliRun run = run("publish", "-r", index.uploadUrl(), wheel.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: The token check before uploading to " + index.uploadUrl()
                + " was refused: HTTP 403").contains("Check the token in environment variable TWINE_PASSWORD");
        assertThat(run.err()).doesNotContain(env.get("TWINE_PASSWORD"));
    }

    @Test
    void anUnreachableIndexExitsWithThree() {
        env.put("TWINE_PASSWORD", token);
        index.close();

        CliRun run = run("publish", "-r", index.uploadUrl(), "--attempts", "1", wheel.toString());

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("error: Cannot reach the upload URL of " + index.uploadUrl());
    }

    @Test
    void aConflictExitsWithOneInTheSeedsWords() throws Exception {
        env.put("TWINE_PASSWORD", token);
        java.nio.file.Files.createDirectories(dir.resolve("other"));
        Path other = io.logflux.release.testing.ArchiveEditor.ofWheel(wheel).put("logflux/x.py", "X = 2\n")
                .writeWheel(dir.resolve("other").resolve(wheel.getFileName()));
        index.preload(other, "logflux", "0.2.0");

        CliRun run = run("publish", "-r", index.uploadUrl(), "--no-wait", wheel.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: File already exists: " + wheel.getFileName())
                .contains("PyPI doesn't allow re-uploading the same version. Increment version number.");
    }

    @Test
    void helpDocumentsTheTokenVariablesAndExitStatusThree() {
        CliRun help = run("publish", "--help");
        CliRun main = run("--help");

        assertThat(help.out()).contains("--token-env").contains("PYPI_API_TOKEN").contains("--verify-install")
                .doesNotContain("--token=");
        assertThat(main.out()).contains("3 index or GitHub unreachable").contains("publish").contains("await")
                .contains("verify-install");
    }
}
