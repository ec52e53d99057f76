package io.logflux.release.cli;

import io.logflux.release.testindex.TestIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * release's tokens, as publish finds them: the variable an option names, else the index's own (PYPI_API_TOKEN for
 * pypi, TEST_PYPI_API_TOKEN for testpypi, none for an upload URL), then TWINE_PASSWORD. The cases naming pypi or
 * testpypi stop on a missing token before anything is sent.
 */
class ReleaseTokensTest {
    private static final String TEST_TOKEN = "pypi-AgEIcHlwaS5vcmctestphase0000000000000001";
    private static final String PRODUCTION_TOKEN = "pypi-AgEIcHlwaS5vcmcproductionphase00000000002";
    private static final String PYPI_TOKEN = "pypi-AgEIcHlwaS5vcmcthepypitokennotforothers03";

    @TempDir Path temp;
    private TestIndex testIndex;
    private TestIndex productionIndex;

    @BeforeEach
    void start() {
        testIndex = TestIndex.start(temp.resolve("test")).acceptToken(TEST_TOKEN);
        productionIndex = TestIndex.start(temp.resolve("production")).acceptToken(PRODUCTION_TOKEN);
    }

    @AfterEach
    void stop() {
        testIndex.close();
        productionIndex.close();
    }

    private CliRun releaseTo(Map<String, String> env, String testRepository, String repository, String... extra) {
        String[] base = {"release", "--tag", "v0.2.0", "--project", "resources/sample-sdk", "--files",
                "resources/sample-dist/*", "--no-install", "--test-repository", testRepository,
                "--repository", repository};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run("ReleaseTokensTest", env, args);
    }

    private CliRun release(Map<String, String> env, String... extra) {
        return releaseTo(env, testIndex.uploadUrl(), productionIndex.uploadUrl(), extra);
    }

    private void nothingSent() {
        assertThat(testIndex.requestLog()).as("nothing is sent to the test index").isEmpty();
        assertThat(productionIndex.requestLog()).as("nothing is sent to the production index").isEmpty();
        assertThat(testIndex.files()).isEmpty();
        assertThat(productionIndex.files()).isEmpty();
    }

    @Test
    void customIndexesDoNotReadThePypiVariables() {
        CliRun run = release(Map.of("TEST_PYPI_API_TOKEN", TEST_TOKEN, "PYPI_API_TOKEN", PRODUCTION_TOKEN));

        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("No token for " + testIndex.uploadUrl() + ": set TWINE_PASSWORD, or name the "
                + "variable with --test-token-env.");
        nothingSent();
    }

    @Test
    void aCustomProductionUrlNeverGetsThePypiToken() {
        CliRun run = release(Map.of("STAGING_TOKEN", TEST_TOKEN, "PYPI_API_TOKEN", PYPI_TOKEN),
                "--test-token-env", "STAGING_TOKEN");

        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("error: No token for " + productionIndex.uploadUrl() + ": set TWINE_PASSWORD, "
                + "or name the variable with --token-env. Use a token (or password) this index issued; "
                + "PYPI_API_TOKEN and TEST_PYPI_API_TOKEN are read for pypi and testpypi only, so a PyPI token is "
                + "never sent to another index.");
        assertThat(run.out() + run.err()).doesNotContain(PYPI_TOKEN);
        nothingSent();
    }

    @Test
    void aCustomProductionUrlTakesTwinePassword() {
        CliRun run = release(Map.of("STAGING_TOKEN", TEST_TOKEN, "PYPI_API_TOKEN", PYPI_TOKEN,
                "TWINE_PASSWORD", PRODUCTION_TOKEN), "--test-token-env", "STAGING_TOKEN");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("with the token from environment variable STAGING_TOKEN",
                "with the token from environment variable TWINE_PASSWORD");
        assertThat(testIndex.files()).hasSize(2);
        assertThat(productionIndex.files()).hasSize(2);
    }

    @Test
    void eachPhaseCanNameItsOwnVariable() {
        CliRun run = release(Map.of("STAGING_TOKEN", TEST_TOKEN, "LIVE_TOKEN", PRODUCTION_TOKEN,
                        "TWINE_PASSWORD", "pypi-neither"), "--test-token-env", "STAGING_TOKEN", "--token-env",
                "LIVE_TOKEN");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("with the token from environment variable STAGING_TOKEN",
                "with the token from environment variable LIVE_TOKEN");
        assertThat(testIndex.files()).hasSize(2);
        assertThat(productionIndex.files()).hasSize(2);
    }

    @Test
    void aMissingProductionTokenSuggestsTheOptionReleaseHas() {
        CliRun run = releaseTo(Map.of("STAGING_TOKEN", TEST_TOKEN, "TEST_PYPI_API_TOKEN", TEST_TOKEN),
                testIndex.uploadUrl(), "pypi", "--test-token-env", "STAGING_TOKEN");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("No token for pypi (https://upload.pypi.org/legacy/): set PYPI_API_TOKEN or "
                + "TWINE_PASSWORD, or name the variable with --token-env. Create a token at");
        assertThat(testIndex.files()).as("no token for production: nothing is sent anywhere").isEmpty();
        assertThat(testIndex.requestLog()).isEmpty();
    }

    @Test
    void aPypiTestIndexReadsPypiApiToken() {
        CliRun missing = releaseTo(Map.of("TEST_PYPI_API_TOKEN", TEST_TOKEN), "pypi", productionIndex.uploadUrl());

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("No token for pypi (https://upload.pypi.org/legacy/): set PYPI_API_TOKEN "
                + "or TWINE_PASSWORD, or name the variable with --test-token-env.");

        // The test index's token is found first; the production URL, given none, stops the release before any upload.
        CliRun found = releaseTo(Map.of("PYPI_API_TOKEN", PYPI_TOKEN), "pypi", productionIndex.uploadUrl());

        assertThat(found.status()).isEqualTo(2);
        assertThat(found.err()).doesNotContain("No token for pypi")
                .contains("No token for " + productionIndex.uploadUrl() + ": set TWINE_PASSWORD");
        assertThat(found.out() + found.err()).doesNotContain(PYPI_TOKEN);
        nothingSent();
    }

    @Test
    void aTestpypiProductionIndexReadsTestPypiApiToken() {
        CliRun run = releaseTo(Map.of("STAGING_TOKEN", TEST_TOKEN, "PYPI_API_TOKEN", PYPI_TOKEN),
                testIndex.uploadUrl(), "testpypi", "--test-token-env", "STAGING_TOKEN");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("No token for testpypi (https://test.pypi.org/legacy/): set "
                + "TEST_PYPI_API_TOKEN or TWINE_PASSWORD, or name the variable with --token-env.");
        nothingSent();
    }

    @Test
    void theHelpSaysWhichVariablesEachIndexReads() {
        CliRun run = CliRun.run("ReleaseTokensTest", Map.of(), "release", "--help");

        String help = run.out().replaceAll("\\s+", " ");
        assertThat(help).contains("--github-api-url=URL", "--test-token-env=NAME", "--token-env=NAME",
                "(default: TEST_PYPI_API_TOKEN for testpypi, PYPI_API_TOKEN for pypi, then TWINE_PASSWORD; for an "
                        + "upload URL only TWINE_PASSWORD)",
                "(default: PYPI_API_TOKEN for pypi, TEST_PYPI_API_TOKEN for testpypi, then TWINE_PASSWORD; for an "
                        + "upload URL only TWINE_PASSWORD)",
                "(token from GITHUB_TOKEN, else GH_TOKEN)");
    }
}
