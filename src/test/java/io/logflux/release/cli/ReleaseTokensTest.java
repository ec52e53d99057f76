package io.logflux.release.cli;

import io.logflux.release.testindex.TestIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** release with custom indexes: the test and the production index each take their own token. */
class ReleaseTokensTest {
    private static final String TEST_TOKEN = "pypi-AgEIcHlwaS5vcmctestphase0000000000000001";
    private static final String PRODUCTION_TOKEN = "pypi-AgEIcHlwaS5vcmcproductionphase00000000002";

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

    private CliRun release(Map<String, String> env, String... extra) {
        String[] base = {"release", "--tag", "v0.2.0", "--project", "resources/sample-sdk", "--files",
                "resources/sample-dist/*", "--no-install", "--test-repository", testIndex.uploadUrl(),
                "--repository", productionIndex.uploadUrl()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run("ReleaseTokensTest", env, args);
    }

    @Test
    void customIndexesTakeTheVariablesTheHelpNames() {
        CliRun run = release(Map.of("TEST_PYPI_API_TOKEN", TEST_TOKEN, "PYPI_API_TOKEN", PRODUCTION_TOKEN));

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("with the token from environment variable TEST_PYPI_API_TOKEN",
                "with the token from environment variable PYPI_API_TOKEN");
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
        CliRun run = release(Map.of("TEST_PYPI_API_TOKEN", TEST_TOKEN));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(": set PYPI_API_TOKEN or TWINE_PASSWORD, or name the variable with "
                + "--token-env.");
        assertThat(testIndex.files()).as("no token for production: nothing is sent anywhere").isEmpty();
    }

    @Test
    void releaseTakesAGitHubEnterpriseApiUrl() {
        CliRun run = CliRun.run("ReleaseTokensTest", Map.of(), "release", "--help");

        assertThat(run.out()).contains("--github-api-url=URL", "--test-token-env=NAME", "--token-env=NAME");
    }
}
