package io.logflux.release.check;

import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants of the really built sample wheel on which the old data lists and rules gave a verdict other than PyPI's
 * (issue 21): each must now get PyPI's. The rules each mirrors are cited in the rule classes and docs/check.md.
 */
class PypiVerdictVariantsTest {
    private static final String WHEEL = "logflux-0.2.0-py3-none-any.whl";
    private static final String METADATA = "logflux-0.2.0.dist-info/METADATA";

    @TempDir
    static Path built;
    @TempDir
    Path dir;
    static Path wheel;
    private int variants;
    private final DistributionChecker checker = new DistributionChecker(
            CheckOptions.defaults().withPythons(List.of(DebianPython.executable())));

    @BeforeAll
    static void buildTheSample() {
        SampleProject sample = SampleProject.copyTo(built.resolve("sample"));
        sample.build();
        wheel = sample.wheel("0.2.0");
    }

    @Test
    void licenseExpressionsOfPackaging262() {
        assertPasses(licensed("GPL-2.0-only WITH Independent-modules-exception"));
        assertPasses(licensed("GPL-3.0-or-later WITH PCRE2-exception"));
        assertPasses(licensed("(mit or 0bsd) with llvm-exception"));
        assertPasses(licensed("LicenseRef-LogFlux-Commercial"));
        assertFails(licensed("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"), "metadata.license-expression",
                "PyPI accepts LicenseRef-… user-defined references, not DocumentRef-…");
        assertFails(licensed("UnRAR"), "metadata.license-expression", "'UnRAR' is not an SPDX license identifier");
    }

    @Test
    void charsetInLowerCaseIsRefused() {
        assertFails(variant(s -> s.replace("Description-Content-Type: text/markdown",
                "Description-Content-Type: text/markdown; charset=utf-8")), "description.content-type",
                "declares charset=utf-8", "spelled exactly so");
        assertPasses(variant(s -> s.replace("Description-Content-Type: text/markdown",
                "Description-Content-Type: text/markdown; charset=UTF-8; variant=CommonMark")));
    }

    @Test
    void anAddressAtASpecialUseDomainIsRefused() {
        assertFails(variant(s -> s.replace("Author-email: LogFlux <sdk@logflux.io>",
                "Author-email: LogFlux <sdk@build.local>")), "metadata.email", "'sdk@build.local'",
                "special-use or reserved name");
        // PyPI checks no address of a field with several: a warning, and the file passes.
        Path several = variant(s -> s.replace("Author-email: LogFlux <sdk@logflux.io>",
                "Author-email: LogFlux <sdk@logflux.io>, Build <ci@build.local>"));
        FileReport report = checkOne(several);
        assertThat(report.status(false)).as(report.findings().toString()).isNotEqualTo(FileReport.Status.FAILED);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.rule()).isEqualTo("metadata.email");
            assertThat(f.message()).contains("'ci@build.local'", "PyPI does not check this field");
        });
    }

    @Test
    void classifiersOfThePinnedRelease() {
        assertPasses(classified("Environment :: Cygwin (MS Windows)"));
        assertPasses(classified("Programming Language :: Python :: 3.16"));
        assertFails(classified("Topic :: Scientific/Engineering :: Data Acquisition (DAQ)"), "metadata.classifier",
                "which PyPI does not know");
    }

    private Path licensed(String expression) {
        return variant(s -> s.replace("Metadata-Version: 2.1", "Metadata-Version: 2.4")
                .replace("License: Apache-2.0", "License-Expression: " + expression));
    }

    private Path classified(String classifier) {
        return variant(s -> s.replace("Classifier: Development Status :: 4 - Beta", "Classifier: " + classifier));
    }

    private Path variant(UnaryOperator<String> change) {
        try {
            return ArchiveEditor.ofWheel(wheel).edit(METADATA, s -> {
                String changed = change.apply(s);
                assertThat(changed).as("the variant changes the sample's METADATA").isNotEqualTo(s);
                return changed;
            }).writeWheel(Files.createDirectories(dir.resolve("v" + variants++)).resolve(WHEEL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileReport checkOne(Path file) {
        return checker.check(List.of(file)).files().get(0);
    }

    private void assertPasses(Path file) {
        FileReport report = checkOne(file);
        assertThat(report.status(false)).as(report.findings().toString()).isNotEqualTo(FileReport.Status.FAILED);
    }

    private void assertFails(Path file, String rule, String... messageParts) {
        FileReport report = checkOne(file);
        assertThat(report.status(false)).as(report.findings().toString()).isEqualTo(FileReport.Status.FAILED);
        assertThat(report.findings()).as(report.findings().toString()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.message()).contains(WHEEL).contains(messageParts);
        });
    }
}
