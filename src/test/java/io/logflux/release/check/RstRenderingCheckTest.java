package io.logflux.release.check;

import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * check on many files with reStructuredText descriptions: one Python process for the whole run (counted by a
 * wrapper around the real interpreter), each description's verdict on its own file, and a renderer that dies
 * mid-run reported on the file it was rendering while the other files are still checked.
 */
class RstRenderingCheckTest {
    private static final String GOOD = "LogFlux\n=======\n\nSend *structured* logs, release %d.\n";
    private static final String BROKEN = "LogFlux\n=======\n\nSend *structured logs.\n";

    @TempDir
    Path dir;

    /** The shared sample wheel with its description replaced by {@code rst}, declared as text/x-rst. */
    private Path wheelWith(String name, String rst) throws IOException {
        Path target = Files.createDirectories(dir.resolve(name)).resolve(SampleBuild.shared().wheel().getFileName());
        return ArchiveEditor.ofWheel(SampleBuild.shared().wheel()).edit(".dist-info/METADATA", metadata -> {
            int body = metadata.indexOf("\n\n");
            String headers = metadata.substring(0, body).replaceAll("(?m)^Description-Content-Type: .*$",
                    "Description-Content-Type: text/x-rst");
            return headers + "\n\n" + rst;
        }).writeWheel(target);
    }

    /** An executable that notes each start in {@code starts}, then runs {@code python} with its arguments. */
    private Path counting(String python, Path starts) throws IOException {
        Path wrapper = dir.resolve("counting-python");
        Files.writeString(wrapper, "#!/bin/sh\necho started >> " + starts + "\nexec " + python + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return wrapper;
    }

    @Test
    void manyReStructuredTextDescriptionsInOneRunStartOnePythonAndABrokenOneFailsOnlyItsFile() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(i == 7 ? wheelWith("v" + i, BROKEN) : wheelWith("v" + i, GOOD.formatted(i)));
        }
        Path starts = dir.resolve("starts");
        DistributionChecker checker = new DistributionChecker(CheckOptions.defaults()
                .withPythons(List.of(counting(DebianPython.executable(), starts).toString())));

        CheckReport report = checker.check(files);

        assertThat(Files.readAllLines(starts)).hasSize(1);
        for (int i = 0; i < 12; i++) {
            List<String> rules = report.files().get(i).findings().stream().map(Finding::rule).toList();
            if (i == 7) {
                assertThat(report.files().get(i).findings()).as(report.text(false)).anySatisfy(finding -> {
                    assertThat(finding.rule()).isEqualTo("description.rst");
                    assertThat(finding.message()).contains("line 4: Warning: Inline emphasis start-string");
                });
            } else {
                assertThat(rules).as("file %d: %s", i, report.text(false))
                        .doesNotContain("description.rst", "description.rst-unchecked");
            }
        }
    }

    @Test
    void aDescriptionOfOnlyWhiteSpaceFailsAsOnPyPIInsteadOfCountingAsMissing() throws IOException {
        // twine sends it; warehouse renders any non-empty description, and readme_renderer.rst gives None for this
        Path blank = wheelWith("blank", "\n\n");
        DistributionChecker checker = new DistributionChecker(CheckOptions.defaults()
                .withPythons(List.of(DebianPython.executable())));

        CheckReport report = checker.check(List.of(blank));

        assertThat(report.files().get(0).findings()).extracting(Finding::rule)
                .contains("description.rst").doesNotContain("description.missing");
        assertThat(DebianPython.run(dir, "-m", "twine", "check", blank.toString()).output()).contains("FAILED");
    }

    @Test
    void aRendererThatDiesMidRunIsReportedOnItsFileAndTheOtherFilesAreStillChecked() throws IOException {
        FakeRenderer fake = FakeRenderer.in(dir, FakeRenderer.Greeting.READY);
        List<Path> files = List.of(wheelWith("a", "first\n"), wheelWith("b", "CRASH\n"), wheelWith("c", "BROKEN\n"),
                wheelWith("d", "fourth\n"));
        DistributionChecker checker = new DistributionChecker(CheckOptions.defaults()
                .withPythons(List.of(fake.executable())));

        CheckReport report = checker.check(files);

        assertThat(report.files()).hasSize(4);
        assertThat(report.files().get(1).findings()).anySatisfy(finding -> {
            assertThat(finding.rule()).isEqualTo("description.rst-unchecked");
            assertThat(finding.message()).contains("ended before it answered for this description")
                    .contains("Segmentation fault");
        });
        assertThat(report.files().get(2).findings()).extracting(Finding::rule).contains("description.rst");
        for (int i : new int[] {0, 3}) {
            assertThat(report.files().get(i).findings()).extracting(Finding::rule)
                    .doesNotContain("description.rst", "description.rst-unchecked");
        }
        // the crashing description is sent once more to a new process, and the files after it get a third
        assertThat(fake.starts()).isEqualTo(3);
    }
}
