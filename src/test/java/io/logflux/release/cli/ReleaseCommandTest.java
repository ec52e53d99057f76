package io.logflux.release.cli;

import io.logflux.release.testing.Captured;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** release: the rehearsal (the README's first command) and one phase alone. */
class ReleaseCommandTest {
    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get);
        Run run = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        Captured.record("ReleaseCommandTest", run.out() + run.err());
        return run;
    }

    @Test
    void theRehearsalRunsAllThreePhasesAgainstLocalIndexesWithRealPip() {
        Run run = run("release", "--rehearse", "--tag", "v0.2.0", "--project", "resources/sample-sdk", "--files",
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
        Run run = run("release", "--rehearse", "--phase", "validate", "--tag", "v0.3.0", "--project",
                "resources/sample-sdk", "--files", "resources/sample-dist/*", "--no-install");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("  validate    FAILED");
        assertThat(run.err()).contains("error: Package version (0.2.0) doesn't match release tag (0.3.0)");
    }

    @Test
    void withoutTokensARealReleaseIsAUsageError() {
        Run run = run("release", "--tag", "v0.2.0", "--project", "resources/sample-sdk", "--files",
                "resources/sample-dist/*");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("No token for testpypi (https://test.pypi.org/legacy/): set TEST_PYPI_API_TOKEN");
    }
}
