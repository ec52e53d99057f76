package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** release's files: none is a refusal that says how to build them; a failed build says why it failed. */
class ReleaseFilesTest {
    @TempDir Path temp;

    @Test
    void withoutDistARealReleaseRefusesAndSaysHowToBuild() {
        CliRun run = CliRun.run("ReleaseFilesTest", Map.of(), "release", "--tag", "v0.2.0", "--project",
                temp.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: No built files in " + temp.resolve("dist")
                + ": build them first (python3 -m build in " + temp + "), or give --files. Nothing was published.");
        assertThat(run.out()).doesNotContain("SKIPPED", "DONE");
    }

    @Test
    void theValidatePhaseAloneRefusesWithoutFilesToo() {
        CliRun run = CliRun.run("ReleaseFilesTest", Map.of(), "release", "--phase", "validate", "--tag", "v0.2.0",
                "--project", temp.toString(), "--no-install");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: No built files in", "python3 -m build");
    }

    @Test
    void aReadOnlyProjectIsNamedAsTheCauseNotAMissingBuild() {
        ReleaseFiles files = new ReleaseFiles(temp, "/usr/bin/python3", dir -> false);

        assertThatThrownBy(() -> files.find(List.of(), true, temp.resolve("work")))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("the project directory " + temp + " is not writable")
                .hasMessageNotContaining("not available");
    }

    @Test
    void aFailedBuildReportsTheBuildsOwnError() throws IOException {
        Path python = Files.writeString(temp.resolve("python"), "#!/bin/sh\n"
                + "echo \"OSError: [Errno 30] Read-only file system: 'logflux.egg-info'\"\nexit 1\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        Path project = Files.createDirectory(temp.resolve("project"));

        CliRun run = CliRun.run("ReleaseFilesTest", Map.of(), "release", "--rehearse", "--tag", "v0.2.0",
                "--project", project.toString(), "--python", python.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: No built files in " + project.resolve("dist") + ", and '" + python
                        + " -m build' failed (exit 1): OSError: [Errno 30] Read-only file system: 'logflux.egg-info'")
                .doesNotContain("not available");
    }
}
