package io.logflux.release.cli;

import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** release: the rehearsal (the README's first command) and one phase alone. */
class ReleaseCommandTest {

    private static CliRun run(String... args) {
        return CliRun.run("ReleaseCommandTest", Map.of(), args);
    }

    @Test
    void theRehearsalRunsAllThreePhasesAgainstLocalIndexesWithRealPip() {
        CliRun run = run("release", "--rehearse", "--tag", "v0.2.0", "--project", "resources/sample-sdk", "--files",
                "resources/sample-dist/*", "--python", DebianPython.executable(), "--github-repo",
                "logflux/logflux-python");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("Release plan for resources/sample-sdk at tag v0.2.0 (2 built file(s): "
                        + "logflux-0.2.0-py3-none-any.whl, logflux-0.2.0.tar.gz)")
                .contains("== Validation ==", "== Test publication ==", "== Production ==")
                .contains("Package version 0.2.0 matches release tag v0.2.0")
                .contains("Install check passed: logflux==0.2.0")
                .contains("GitHub release (plan only): attach 2 file(s) and SHA256SUMS to the logflux/logflux-python's "
                        + "release of v0.2.0")
                .containsPattern("  validate    DONE .*version 0.2.0 == tag v0.2.0; 2 file\\(s\\) passed check")
                .containsPattern("  test        DONE .*2 uploaded, 0 already there, served; installs and imports as "
                        + "0.2.0")
                .containsPattern("  production  DONE .*GitHub: planned only");
        assertThat(run.out()).doesNotContain("pypi-rehearsal-");
    }

    @Test
    void oneMismatchedPhaseAloneFailsWithTheSeedsMessage() {
        CliRun run = run("release", "--rehearse", "--phase", "validate", "--tag", "v0.3.0", "--project",
                "resources/sample-sdk", "--files", "resources/sample-dist/*", "--no-install");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("  validate    FAILED");
        assertThat(run.err()).contains("error: Package version (0.2.0) doesn't match release tag (0.3.0)");
    }

    @Test
    void withoutTokensARealReleaseIsAUsageError() {
        CliRun run = run("release", "--tag", "v0.2.0", "--project", "resources/sample-sdk", "--files",
                "resources/sample-dist/*");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("No token for testpypi (https://test.pypi.org/legacy/): set TEST_PYPI_API_TOKEN");
    }
}
