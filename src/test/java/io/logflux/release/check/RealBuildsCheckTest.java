package io.logflux.release.check;

import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * check on files built for real by Debian's python3 -m build, and on the upstream wheels Debian ships: what a real
 * build backend writes must pass, with the warnings twine check gives.
 */
class RealBuildsCheckTest {
    @TempDir
    static Path dir;
    static List<Path> markdown;
    static List<Path> rst;
    static List<Path> brokenRst;
    static List<Path> plain;
    static List<Path> noReadme;
    static List<Path> prerelease;
    static List<Path> withLicense;

    static DistributionChecker checker = new DistributionChecker(
            CheckOptions.defaults().withPythons(List.of(DebianPython.executable())));

    @BeforeAll
    static void build() {
        markdown = SampleProject.copyTo(dir.resolve("md")).build();
        rst = SampleProject.copyTo(dir.resolve("rst")).withReadme("README.rst",
                "LogFlux\n=======\n\nSend *structured* logs.\n\n- one\n- two\n", "\"README.rst\"").build();
        brokenRst = SampleProject.copyTo(dir.resolve("badrst")).withReadme("README.rst",
                "LogFlux\n=======\n\nSend *structured logs.\n", "\"README.rst\"").build();
        plain = SampleProject.copyTo(dir.resolve("plain")).withReadme("README.txt", "LogFlux *plain* text\n",
                "{file = \"README.txt\", content-type = \"text/plain\"}").build();
        noReadme = SampleProject.copyTo(dir.resolve("none")).withoutReadme().build();
        prerelease = SampleProject.copyTo(dir.resolve("beta")).withVersion("1.0.0-beta.2").build();
        withLicense = SampleProject.copyTo(dir.resolve("license")).write("LICENSE", "Apache License 2.0\n").build();
    }

    @Test
    void markdownRstAndPlainReadmesPass() {
        for (List<Path> files : List.of(markdown, rst, plain)) {
            CheckReport report = checker.check(files);

            assertThat(report.files()).as(report.text(true)).allSatisfy(
                    f -> assertThat(f.status(true)).isEqualTo(FileReport.Status.PASSED));
            assertThat(report.passed(true)).isTrue();
        }
    }

    @Test
    void reStructuredTextThatWouldNotRenderFailsWithDocutilsLine() {
        CheckReport report = checker.check(brokenRst);

        assertThat(report.passed(false)).isFalse();
        assertThat(report.files()).allSatisfy(f -> assertThat(f.findings()).anySatisfy(finding -> {
            assertThat(finding.rule()).isEqualTo("description.rst");
            assertThat(finding.message()).contains("line 4: Warning: Inline emphasis start-string without end-string");
        }));
    }

    @Test
    void aMissingDescriptionIsAWarningThatStrictTurnsIntoAFailure() {
        CheckReport report = checker.check(noReadme);

        assertThat(report.files()).allSatisfy(f -> {
            assertThat(f.status(false)).isEqualTo(FileReport.Status.PASSED_WITH_WARNINGS);
            assertThat(f.findings()).extracting(Finding::rule).contains("description.missing");
        });
        assertThat(report.passed(false)).isTrue();
        assertThat(report.passed(true)).isFalse();
    }

    @Test
    void aPrereleaseAndLicenseFilesPass() {
        assertThat(checker.check(prerelease).passed(true)).as(checker.check(prerelease).text(true)).isTrue();
        CheckReport license = checker.check(withLicense);
        assertThat(license.passed(false)).as(license.text(false)).isTrue();
    }

    @Test
    void debiansUpstreamWheelsPass() throws IOException {
        List<Path> wheels;
        try (Stream<Path> files = Files.list(Path.of("/usr/share/python-wheels"))) {
            wheels = files.filter(p -> p.toString().endsWith(".whl")).toList();
        }
        assertThat(wheels).isNotEmpty();
        for (Path wheel : wheels) {
            CheckReport report = checker.check(List.of(wheel));
            assertThat(report.passed(false)).as(report.text(false)).isTrue();
        }
    }

    @Test
    void wheelsComeBeforeTheSdistInUploadOrder() {
        CheckReport report = checker.check(List.of(markdown.get(1), markdown.get(0)));

        assertThat(report.uploadOrder()).extracting(p -> p.getFileName().toString())
                .containsExactly("logflux-0.2.0-py3-none-any.whl", "logflux-0.2.0.tar.gz");
    }
}
