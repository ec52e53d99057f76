package io.logflux.release.check;

import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same files through real {@code twine check --strict} (Debian's twine) and through ours under {@code --strict}:
 * every file twine fails, we fail too. We may be stricter, never looser.
 */
class TwineCrossCheckTest {
    @TempDir
    static Path dir;
    static List<Path> files = new ArrayList<>();

    @BeforeAll
    static void makeFiles() throws IOException {
        files.addAll(SampleProject.copyTo(dir.resolve("md")).build());
        files.addAll(SampleProject.copyTo(dir.resolve("rst")).withReadme("README.rst",
                "LogFlux\n=======\n\nFine.\n", "\"README.rst\"").build());
        files.addAll(SampleProject.copyTo(dir.resolve("badrst")).withReadme("README.rst",
                "LogFlux\n=======\n\n.. unknown-directive:: x\n\nSend *logs.\n", "\"README.rst\"").build());
        files.addAll(SampleProject.copyTo(dir.resolve("none")).withoutReadme().build());
        files.addAll(SampleProject.copyTo(dir.resolve("plain")).withReadme("README.txt", "*plain*\n",
                "{file = \"README.txt\", content-type = \"text/plain\"}").build());
        Path wheel = files.get(0);
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve(wheel.getFileName());
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(wheel), (int) Files.size(wheel) / 2));
        files.add(cut);
        Path noMetadata = Files.createDirectories(dir.resolve("nometa")).resolve(wheel.getFileName());
        files.add(ArchiveEditor.ofWheel(wheel).remove("logflux-0.2.0.dist-info/METADATA").writeWheel(noMetadata));
    }

    @Test
    void weFailEveryFileTwineFails() {
        DistributionChecker ours = new DistributionChecker(
                CheckOptions.defaults().withPythons(List.of(DebianPython.executable())));
        List<String> looser = new ArrayList<>();
        int twineFailures = 0;
        for (Path file : files) {
            DebianPython.Result twine = DebianPython.run(dir, "-m", "twine", "check", "--strict", file.toString());
            boolean twineFails = twine.status() != 0;
            CheckReport report = ours.check(List.of(file));
            if (twineFails) {
                twineFailures++;
                if (report.passed(true)) {
                    looser.add(file + ": twine says\n" + twine.output() + "\nwe say\n" + report.text(true));
                }
            }
        }
        assertThat(twineFailures).as("files twine fails (the comparison must be meaningful)").isGreaterThanOrEqualTo(5);
        assertThat(looser).isEmpty();
    }

    @Test
    void twineItselfRunsHere() {
        DebianPython.Result version = DebianPython.run(dir, "-m", "twine", "--version");

        assertThat(version.status()).as(version.output()).isZero();
        assertThat(version.output()).contains("twine version");
    }
}
