package io.logflux.release.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors are one {@code error:} line and a pointer to --help, status 2; an empty variable is "empty". */
class UsageErrorsTest {
    private static CliRun run(Map<String, String> env, String... args) {
        return CliRun.run("UsageErrorsTest", env, args);
    }

    @Test
    void aMissingTokenIsOneErrorLineAndWhereTheOptionsAre() {
        CliRun run = run(Map.of(), "publish", "-r", "testpypi", "resources/sample-dist/logflux-0.2.0.tar.gz");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "error: No token for testpypi (https://test.pypi.org/legacy/): set TEST_PYPI_API_TOKEN or "
                        + "TWINE_PASSWORD, or name the variable with --token-env. Create a token at "
                        + "https://pypi.org/manage/account/token/ (https://test.pypi.org/... for TestPyPI), scoped "
                        + "to the project.",
                "Run 'logflux-release publish --help' for the options.");
    }

    @Test
    void anEmptyVariableIsSaidToBeEmptyNotToBeSet() {
        CliRun run = run(Map.of("EMPTY_TOKEN", ""), "publish", "-r", "testpypi", "--token-env", "EMPTY_TOKEN",
                "resources/sample-dist/logflux-0.2.0.tar.gz");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: No token for testpypi (https://test.pypi.org/legacy/): EMPTY_TOKEN "
                + "is empty; put the token in it. Create a token at").doesNotContain("set EMPTY_TOKEN");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    void amongTheDefaultVariablesEachIsSaidToBeEmptyOrNotSet() {
        CliRun run = run(Map.of("TEST_PYPI_API_TOKEN", "  "), "release", "--tag", "v0.2.0", "--project",
                "resources/sample-sdk", "--files", "resources/sample-dist/*", "--phase", "test", "--no-install");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: No token for testpypi (https://test.pypi.org/legacy/): "
                + "TEST_PYPI_API_TOKEN is empty, TWINE_PASSWORD is not set; put the token in one of them, or name "
                + "the variable with --test-token-env.");
        assertThat(run.err().lines()).last().isEqualTo("Run 'logflux-release release --help' for the options.");
    }

    @Test
    void anEmptyGitHubTokenIsSaidToBeEmpty() {
        CliRun run = run(Map.of("GH_RELEASE_TOKEN", ""), "github-release", "--repo", "logflux/logflux-python",
                "--tag", "v0.2.0", "--token-env", "GH_RELEASE_TOKEN", "resources/sample-dist/logflux-0.2.0.tar.gz");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: No GitHub token: GH_RELEASE_TOKEN is empty; put the token in it.");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    void anUnknownOptionIsShortTooAndKeepsPicocliSuggestions() {
        CliRun run = run(Map.of(), "publish", "-r", "testpypi", "--no-wiat", "x.whl");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Unknown option: '--no-wiat'")
                .contains("--no-wait")
                .endsWith("Run 'logflux-release publish --help' for the options." + System.lineSeparator())
                .doesNotContain("Usage:");
    }
}
