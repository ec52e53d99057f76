package io.logflux.release.publish;

import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.process.ChildRun;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which way the install check takes, from what the Python offers. */
class InstallPythonTest {
    @TempDir
    Path dir;

    private static InstallPython offering(boolean venv, boolean ensurepip, String pip) {
        return new InstallPython("python3", venv, ensurepip, Optional.ofNullable(pip), Optional.empty());
    }

    @Test
    void debiansPythonHasVenvEnsurepipAndAPipWithThePythonOption() {
        InstallPython debian = InstallPython.probe(DebianPython.executable(), ChildEnvironment.ofThisProcess(), dir,
                Duration.ofMinutes(1));

        assertThat(debian.failure()).isEmpty();
        assertThat(debian.venv()).isTrue();
        assertThat(debian.ensurepip()).isTrue();
        assertThat(debian.pipVersion()).hasValueSatisfying(v -> assertThat(v).matches("\\d+\\.\\d+.*"));
        assertThat(debian.way()).contains(PipWay.HOST_PIP);
    }

    @Test
    void pip22Point3AndLaterInstallIntoAVenvWithoutPip() {
        assertThat(offering(true, true, "22.3").way()).contains(PipWay.HOST_PIP);
        assertThat(offering(true, false, "23.0.1").way()).as("no ensurepip needed").contains(PipWay.HOST_PIP);
        assertThat(offering(true, true, "24.0.dev0").way()).contains(PipWay.HOST_PIP);
        assertThat(offering(true, true, "100.1").way()).contains(PipWay.HOST_PIP);
    }

    @Test
    void anOlderPipOrNoneFallsBackToTheVenvsOwnPip() {
        assertThat(offering(true, true, "22.2.2").way()).contains(PipWay.VENV_PIP);
        assertThat(offering(true, true, "9.0.1").way()).contains(PipWay.VENV_PIP);
        assertThat(offering(true, true, null).way()).contains(PipWay.VENV_PIP);
        assertThat(offering(true, true, "unknown").way()).contains(PipWay.VENV_PIP);
        assertThat(offering(true, true, "22.2.2").describe(PipWay.VENV_PIP))
                .isEqualTo("with its own pip from ensurepip, as python3's pip 22.2.2 is older than 22.3 (no --python)");
        assertThat(offering(true, true, null).describe(PipWay.VENV_PIP))
                .isEqualTo("with its own pip from ensurepip, as python3 has no pip of its own");
    }

    @Test
    void withoutVenvOrWithoutAnyPipThereIsNoWayAndTheReasonSaysWhy() {
        assertThat(offering(false, true, "23.0.1").way()).isEmpty();
        assertThat(offering(false, true, "23.0.1").whyNoWay()).isEqualTo("has no venv module");
        assertThat(offering(true, false, "21.0").way()).isEmpty();
        assertThat(offering(true, false, "21.0").whyNoWay())
                .isEqualTo("has neither pip 22.3 or later nor ensurepip (its pip is 21.0)");
        assertThat(offering(true, false, null).whyNoWay())
                .isEqualTo("has neither pip 22.3 or later nor ensurepip (it has no pip)");
    }

    @Test
    void aPythonThatCannotBeAskedSaysWhy() {
        InstallPython missing = InstallPython.probe(dir.resolve("no-such-python").toString(),
                ChildEnvironment.ofThisProcess(), dir, Duration.ofMinutes(1));
        InstallPython garbled = InstallPython.parse("python3", new ChildRun.Result(0, "hello"));

        assertThat(missing.way()).isEmpty();
        assertThat(missing.whyNoWay()).startsWith("cannot be asked: cannot run it: ");
        assertThat(garbled.way()).isEmpty();
        assertThat(garbled.failure()).contains("its answer is not a Python's (hello)");
    }
}
