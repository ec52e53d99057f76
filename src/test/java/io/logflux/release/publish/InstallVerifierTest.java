package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.testindex.TestIndex;
import io.logflux.release.testindex.TestIndexExtension;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleBuild;
import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The install check with Debian's real venv and pip, installing from the test index. */
class InstallVerifierTest {
    @TempDir
    static Path shared;
    static Path mismatchedWheel;

    @RegisterExtension
    final TestIndexExtension server = new TestIndexExtension();
    final Path wheel = SampleBuild.shared().wheel();
    final Path sdist = SampleBuild.shared().sdist();
    TestIndex index;
    final List<String> log = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();

    @BeforeAll
    static void buildTheMismatchedSample() {
        // Metadata says 0.3.0 while logflux.__version__ says 0.2.0: what a static pyproject version forgets.
        SampleProject mismatched = SampleProject.copyTo(shared.resolve("mismatched"))
                .replaceIn("pyproject.toml", "dynamic = \\[\"version\"\\]", "version = \"0.3.0\"")
                .replaceIn("pyproject.toml", "\\[tool.setuptools.dynamic\\]\\nversion = \\{attr = \"logflux.__version__\"\\}",
                        "");
        mismatched.build();
        mismatchedWheel = mismatched.wheel("0.3.0");
    }

    @BeforeEach
    void useTheIndex() {
        index = server.index();
    }

    private InstallVerifier verifier() {
        return new InstallVerifier(log::add, sleeps::add);
    }

    private PackageIndex target() {
        return PackageIndex.resolve(index.uploadUrl(), null, null);
    }

    private static InstallCheck check() {
        return InstallCheck.defaults().withPython(DebianPython.executable()).withRetries(2, Duration.ofSeconds(7));
    }

    @Test
    void installsFromTheIndexInAFreshVenvAndComparesTheImportedVersion() {
        index.preload(wheel, "logflux", "0.2.0");
        index.preload(sdist, "logflux", "0.2.0");

        InstallReport report = verifier().verify(target(), ReleaseFile.readRelease(List.of(wheel, sdist)), check());

        assertThat(report.importedVersion()).isEqualTo("0.2.0");
        assertThat(report.requirement()).isEqualTo("logflux==0.2.0");
        assertThat(report.indexUrl()).isEqualTo(index.simpleUrl());
        assertThat(index.requestLog()).contains("GET /packages/" + wheel.getFileName() + " -> 200");
        assertThat(log).last().asString().isEqualTo("Install check passed: logflux==0.2.0 from " + index.simpleUrl()
                + " imports and reports version 0.2.0.");
        assertThat(report.way()).as("Debian's pip 23.0.1 has --python").isEqualTo(PipWay.HOST_PIP);
        assertThat(log).anyMatch(line -> line.startsWith("Install check: new virtual environment with "
                + DebianPython.executable() + " (made --without-pip; " + DebianPython.executable() + "'s own pip ")
                && line.contains(" installs into it with --python), then pip install logflux==0.2.0 from "));
    }

    @Test
    void aHostPipOlderThan22Point3FallsBackToTheVenvsOwnPipAndSaysSo() {
        index.preload(wheel, "logflux", "0.2.0");
        InstallVerifier verifier = verifier().knowing(new InstallPython(DebianPython.executable(), true, true,
                Optional.of("22.2.2"), Optional.empty()));

        InstallReport report = verifier.verify(target(), ReleaseFile.readRelease(List.of(wheel)), check());

        assertThat(report.way()).isEqualTo(PipWay.VENV_PIP);
        assertThat(report.importedVersion()).isEqualTo("0.2.0");
        assertThat(log).anyMatch(line -> line.contains("(with its own pip from ensurepip, as "
                + DebianPython.executable() + "'s pip 22.2.2 is older than 22.3 (no --python)), then pip install"));
    }

    @Test
    void thePythonIsAskedOncePerVerifierWhateverTheNumberOfChecks() throws IOException {
        index.preload(wheel, "logflux", "0.2.0");
        Path calls = shared.resolve("calls-" + System.nanoTime());
        Path counting = Files.writeString(shared.resolve("counting-python-" + System.nanoTime()), "#!/bin/sh\n"
                + "echo \"$*\" >> '" + calls + "'\nexec '" + DebianPython.executable() + "' \"$@\"\n");
        Files.setPosixFilePermissions(counting, PosixFilePermissions.fromString("rwx------"));
        InstallVerifier verifier = verifier();
        InstallCheck check = check().withPython(counting.toString());

        verifier.verify(target(), ReleaseFile.readRelease(List.of(wheel)), check);
        verifier.verify(target(), ReleaseFile.readRelease(List.of(wheel)), check);

        List<String> started = Files.readAllLines(calls);
        assertThat(started).filteredOn(line -> line.startsWith("-I -c ")).hasSize(1);
        assertThat(started).filteredOn(line -> line.startsWith("-m venv --without-pip ")).hasSize(2);
        assertThat(started).filteredOn(line -> line.startsWith("-m pip --python ") && line.contains(" install "))
                .as("the sample has no dependencies: one pip run per check, pinned by hash").hasSize(2)
                .allMatch(line -> line.contains(" --no-deps --require-hashes "));
        assertThat(started).noneMatch(line -> line.startsWith("-m pip download "));
    }

    @Test
    void onlyAReleaseWithAWheelAndNoDependencyIsInstalledInOneStep() { // with dependencies: DependencyConfusionTest
        assertThat(InstallVerifier.withoutDependencies(ReleaseFile.readRelease(List.of(wheel, sdist)))).isTrue();
        assertThat(InstallVerifier.withoutDependencies(ReleaseFile.readRelease(List.of(sdist))))
                .as("an sdist's PKG-INFO may leave its dependencies out").isFalse();
    }

    @Test
    void pinsTheUploadedHashesWhenAsked() {
        index.preload(wheel, "logflux", "0.2.0");

        InstallReport report = verifier().verify(target(), ReleaseFile.readRelease(List.of(wheel)),
                check().withRequireHashes(true));

        assertThat(report.importedVersion()).isEqualTo("0.2.0");
    }

    @Test
    void aVersionThatDisagreesWithTheMetadataFails() {
        index.preload(mismatchedWheel, "logflux", "0.3.0");

        assertThatThrownBy(() -> verifier().verify(target(), ReleaseFile.readRelease(List.of(mismatchedWheel)),
                check()))
                .isInstanceOf(ReleaseException.class)
                .hasMessage("Installed logflux==0.3.0 from " + index.simpleUrl() + ", but logflux.__version__ is "
                        + "'0.2.0', not 0.3.0. The module's __version__ and the package metadata disagree; fix "
                        + "logflux/__init__.py (or where __version__ comes from) and release a new version.");
    }

    @Test
    void aWrongImportNameFailsAndNamesTheCommand() {
        index.preload(wheel, "logflux", "0.2.0");

        assertThatThrownBy(() -> verifier().verify(target(), ReleaseFile.readRelease(List.of(wheel)),
                check().withImportName("logflux_sdk")))
                .hasMessageStartingWith("Installed logflux==0.2.0 from " + index.simpleUrl() + ", but 'import "
                        + "logflux_sdk; print(logflux_sdk.__version__)' failed: ")
                .hasMessageContaining("ModuleNotFoundError");
    }

    @Test
    void aCustomCommandOnlyHasToSucceed() {
        index.preload(wheel, "logflux", "0.2.0");

        InstallReport report = verifier().verify(target(), ReleaseFile.readRelease(List.of(wheel)),
                check().withCommand("import logflux, sys; sys.exit(0 if logflux.__version__ == '0.2.0' else 3)"));

        assertThat(report.attempts()).isEqualTo(1);
    }

    @Test
    void filesNotServedYetAreRetriedThenReportedInTheSeedsWords() {
        index.hideNewFilesForReads(1_000);
        index.preload(wheel, "logflux", "0.2.0");

        assertThatThrownBy(() -> verifier().verify(target(), ReleaseFile.readRelease(List.of(wheel)), check()))
                .hasMessageStartingWith("Installing logflux==0.2.0 from " + index.simpleUrl() + " failed (pip exit 1)")
                .hasMessageContaining("No matching distribution found for logflux==0.2.0")
                .hasMessageEndingWith("Wait longer for " + index.uploadUrl() + " propagation, or check if "
                        + "dependencies are available.");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }
}
