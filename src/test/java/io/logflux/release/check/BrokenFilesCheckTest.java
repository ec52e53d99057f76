package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleProject;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One broken variant of a good, really built file per rule: each must fail with that rule, naming the file. */
class BrokenFilesCheckTest {
    private static final String WHEEL = "logflux-0.2.0-py3-none-any.whl";
    private static final String SDIST = "logflux-0.2.0.tar.gz";
    private static final String DIST_INFO = "logflux-0.2.0.dist-info/";

    @TempDir
    static Path built;
    @TempDir
    Path dir;

    static Path wheel;
    static Path sdist;
    private final DistributionChecker checker = new DistributionChecker(
            CheckOptions.defaults().withPythons(List.of(DebianPython.executable())));

    @BeforeAll
    static void buildTheSample() {
        SampleProject sample = SampleProject.copyTo(built.resolve("sample"));
        sample.build();
        wheel = sample.wheel("0.2.0");
        sdist = sample.sdist("0.2.0");
    }

    private FileReport checkOne(Path file) {
        return checker.check(List.of(file)).files().get(0);
    }

    private void assertFails(Path file, String rule, String... messageParts) {
        FileReport report = checkOne(file);
        assertThat(report.status(false)).as(report.findings().toString()).isEqualTo(FileReport.Status.FAILED);
        assertThat(report.findings()).as(report.findings().toString()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.message()).contains(file.getFileName().toString()).contains(messageParts);
        });
    }

    private int variants;

    /** Each variant goes to its own directory, under the good file's name. */
    private Path wheelVariant(ArchiveEditor editor) {
        try {
            return editor.writeWheel(Files.createDirectories(dir.resolve("v" + variants++)).resolve(WHEEL));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theGoodFilesPass() {
        assertThat(checker.check(List.of(wheel, sdist)).passed(true)).isTrue();
    }

    @Test
    void aFileChangedAfterTheBuildFailsItsRecordHash() {
        Path changed = wheelVariant(ArchiveEditor.ofWheel(wheel).keepingRecord()
                .edit("logflux/client.py", s -> s + "\nprint('injected')\n"));

        assertFails(changed, "wheel.record-hash", "logflux/client.py does not match its RECORD hash");
        assertFails(changed, "wheel.record-size", "logflux/client.py is");
    }

    @Test
    void aFileNotInRecordIsRefused() {
        Path extra = wheelVariant(ArchiveEditor.ofWheel(wheel).keepingRecord().put("logflux/extra.py", "x = 1\n"));

        assertFails(extra, "wheel.record-unlisted", "logflux/extra.py is not listed in " + DIST_INFO + "RECORD");
    }

    @Test
    void aRecordLineForAMissingFileIsRefused() {
        Path missing = wheelVariant(ArchiveEditor.ofWheel(wheel).keepingRecord().remove("logflux/client.py"));

        assertFails(missing, "wheel.record-missing", "lists logflux/client.py, which is not in the wheel");
    }

    @Test
    void wheelTagsMustAgreeWithTheFileName() {
        Path retagged = ArchiveEditor.ofWheel(wheel).writeWheel(dir.resolve("logflux-0.2.0-cp311-cp311-manylinux_2_17_x86_64.whl"));

        assertFails(retagged, "wheel.tags", "cp311-cp311-manylinux_2_17_x86_64", "py3-none-any");
    }

    @Test
    void aRenamedWheelIsCaughtByItsMetadataDirectory() {
        Path renamed = ArchiveEditor.ofWheel(wheel).writeWheel(dir.resolve("logflux-0.2.1-py3-none-any.whl"));

        assertFails(renamed, "wheel.dist-info", "its metadata directory is logflux-0.2.0.dist-info",
                "WHEEL not found at logflux-0.2.1.dist-info/WHEEL", "The file was renamed");
        assertFails(renamed, "filename.version-mismatch", "0.2.1");
    }

    @Test
    void aMemberOutsideTheTreeIsRefused() {
        Path evil = wheelVariant(ArchiveEditor.ofWheel(wheel).put("../../etc/evil.pth", "import os\n"));

        assertFails(evil, "archive.unsafe-path", "'../../etc/evil.pth'", "'..' segment");
    }

    @Test
    void aSymlinkInAWheelIsRefused() {
        Path linked = ArchiveEditor.ofWheel(wheel).writeWheelWithSymlink(dir.resolve(WHEEL), "logflux/passwd",
                "/etc/passwd");

        assertFails(linked, "archive.link", "'logflux/passwd' is a symbolic link");
    }

    @Test
    void twoDistInfoDirectoriesAreRefused() {
        Path two = wheelVariant(ArchiveEditor.ofWheel(wheel).put("logflux-0.1.9.dist-info/METADATA", "Name: x\n"));

        assertFails(two, "wheel.dist-info", "has 2 .dist-info directories");
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        Path wheelCut = dir.resolve(WHEEL);
        Files.write(wheelCut, Arrays.copyOf(Files.readAllBytes(wheel), (int) Files.size(wheel) / 2));
        Path sdistCut = dir.resolve(SDIST);
        Files.write(sdistCut, Arrays.copyOf(Files.readAllBytes(sdist), (int) Files.size(sdist) - 100));

        assertFails(wheelCut, "archive.corrupt", "is not a valid wheel (zip)");
        assertFails(sdistCut, "archive.corrupt", "is not a valid sdist (.tar.gz)");
    }

    @Test
    void aDecompressionBombStopsAtTheLimit() throws IOException {
        Path bomb = wheelVariant(ArchiveEditor.ofWheel(wheel).put("logflux/zeros.bin", "\0".repeat(5 << 20)));
        DistributionChecker strictLimits = new DistributionChecker(new CheckOptions(100L << 20,
                new ArchiveLimits(1 << 20, 1000, 1 << 20), List.of(DebianPython.executable())));

        FileReport report = strictLimits.check(List.of(bomb)).files().get(0);

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("archive.limits");
            assertThat(f.message()).contains("inflate to more than 1048576 bytes");
        });
    }

    @Test
    void tooManyMembersStopAtTheLimit() {
        ArchiveEditor many = ArchiveEditor.ofWheel(wheel);
        for (int i = 0; i < 50; i++) {
            many.put("logflux/m" + i + ".py", "");
        }
        Path crowded = wheelVariant(many);
        DistributionChecker strictLimits = new DistributionChecker(new CheckOptions(100L << 20,
                new ArchiveLimits(1 << 20, 20, 1L << 30), List.of(DebianPython.executable())));

        assertThat(strictLimits.check(List.of(crowded)).files().get(0).findings())
                .anySatisfy(f -> assertThat(f.message()).contains("more than 20 members"));
    }

    @Test
    void metadataRulesPyPiEnforces() {
        assertFails(metadataVariant(s -> s.replace("Metadata-Version: 2.1", "Metadata-Version: 9.9")),
                "metadata.version", "Metadata-Version 9.9");
        assertFails(metadataVariant(s -> s.replace("Version: 0.2.0", "Version: 0.2.0+local.1")),
                "metadata.local-version", "+local.1");
        assertFails(metadataVariant(s -> s.replaceFirst("Summary: .*", "Summary: " + "x".repeat(513))),
                "metadata.summary", "513 characters");
        assertFails(metadataVariant(s -> s.replace("License: Apache-2.0", "License: Apache-2.0\nLicense-Expression: MIT")),
                "metadata.license", "both License and License-Expression");
        assertFails(metadataVariant(s -> s.replace("Requires-Python:", "Requires-Dist: evil @ https://example.com/evil.whl\nRequires-Python:")),
                "metadata.direct-url", "evil @ https://example.com/evil.whl");
        assertFails(metadataVariant(s -> s.replace("text/markdown", "text/makrdown")),
                "description.content-type", "'text/makrdown'");
        assertFails(metadataVariant(s -> s.replace("Metadata-Version: 2.1", "Metadata-Version: 2.1\nDynamic: Version")),
                "metadata.field-too-new", "Dynamic, introduced in metadata version 2.2, not 2.1");
        assertFails(metadataVariant(s -> s.replace("Name: logflux", "Name: logflux\nName: other")),
                "metadata.repeated-field", "2 'Name' fields");
        assertFails(metadataVariant(s -> s.replace("Name: logflux", "Name: -logflux-")),
                "metadata.name", "invalid Name '-logflux-'");
        assertFails(metadataVariant(s -> s.replace("Classifier: Development Status :: 4 - Beta",
                "Classifier: Private :: Do Not Upload")), "metadata.classifier", "'Private :: Do Not Upload'");
        assertFails(metadataVariant(s -> s.replace("Classifier: Development Status :: 4 - Beta",
                "Classifier: Programming Language :: Pythn :: 3")), "metadata.classifier",
                "'Programming Language :: Pythn :: 3', which PyPI does not know");
        assertFails(metadataVariant(s -> s.replace("Classifier: Development Status :: 4 - Beta",
                "Classifier: Natural Language :: Ukranian")), "metadata.classifier",
                "deprecated classifier 'Natural Language :: Ukranian'", "Use Natural Language :: Ukrainian instead");
        assertFails(metadataVariant(s -> s.replaceFirst("Project-URL: Homepage, ", "Project-URL: Homepage, ftp:")),
                "metadata.url", "Project-URL 'Homepage, ftp:");
        assertFails(metadataVariant(s -> s.replace("Requires-Python: >=3.8", "Requires-Python: =>3.8")),
                "metadata.requires-python", "'=>3.8'");
        assertFails(metadataVariant(s -> s.replace("Requires-Python:", "Requires-Dist: requests; bogus == '1'\nRequires-Python:")),
                "metadata.requires-dist", "'bogus' is not a marker variable");
        assertFails(metadataVariant(s -> s.replace("Author-email: LogFlux <sdk@logflux.io>",
                "Author-email: LogFlux <not-an-address>")), "metadata.email", "'LogFlux <not-an-address>'");
        assertFails(metadataVariant(s -> s.replace("Requires-Python:", "Provides-Extra: -dev\nRequires-Python:")),
                "metadata.provides-extra", "'-dev'");
    }

    @Test
    void licenseExpressionsAreSpdx() {
        Path good = metadataVariant(s -> s.replace("Metadata-Version: 2.1", "Metadata-Version: 2.4")
                .replace("License: Apache-2.0", "License-Expression: Apache-2.0 OR (MIT WITH LLVM-exception)"));
        Path bad = metadataVariant(s -> s.replace("Metadata-Version: 2.1", "Metadata-Version: 2.4")
                .replace("License: Apache-2.0", "License-Expression: Apache 2.0"));

        assertThat(checkOne(good).status(false)).as(checkOne(good).findings().toString())
                .isNotEqualTo(FileReport.Status.FAILED);
        assertFails(bad, "metadata.license-expression", "'Apache' is not an SPDX license identifier");
    }

    @Test
    void licenseFilesMustBeInTheFile() {
        Path missing = metadataVariant(s -> s.replace("Metadata-Version: 2.1", "Metadata-Version: 2.4")
                .replace("License: Apache-2.0", "License-Expression: Apache-2.0\nLicense-File: LICENSE"));

        assertFails(missing, "metadata.license-file", DIST_INFO + "licenses/LICENSE is not in the file");
    }

    @Test
    void sdistRules() {
        Path zip = dir.resolve("logflux-0.2.0.zip");
        ArchiveEditor.ofWheel(wheel).writeWheel(zip);
        Path unnormalized = ArchiveEditor.ofSdist(sdist).renamePrefix("logflux-0.2.0/", "LogFlux-0.2.0/")
                .writeSdist(dir.resolve("LogFlux-0.2.0.tar.gz"));
        Path noPkgInfo = ArchiveEditor.ofSdist(sdist).remove("logflux-0.2.0/PKG-INFO").writeSdist(dir.resolve(SDIST));

        assertFails(zip, "filename.sdist-format", "accepts only .tar.gz sdists");
        assertFails(unnormalized, "filename.sdist-name", "should be 'logflux-0.2.0.tar.gz'");
        assertFails(noPkgInfo, "sdist.pkg-info", "PKG-INFO not found at logflux-0.2.0/PKG-INFO");
    }

    @Test
    void sdistLinksMayNotLeaveTheTree() {
        Path linked = ArchiveEditor.ofSdist(sdist).writeSdist(dir.resolve(SDIST), tar -> {
            TarArchiveEntry link = new TarArchiveEntry("logflux-0.2.0/shadow", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../../../etc/shadow");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        });

        assertFails(linked, "archive.link", "'logflux-0.2.0/shadow' links to '../../../etc/shadow'");
    }

    @Test
    void anSdistWithTwoTopDirectoriesIsRefused() {
        Path two = ArchiveEditor.ofSdist(sdist).put("other-1.0/setup.py", "").writeSdist(dir.resolve(SDIST));

        assertFails(two, "sdist.layout", "must hold a single top directory logflux-0.2.0/");
    }

    @Test
    void aFileOverTheIndexsLimitIsRefusedWithHowToRaiseIt() {
        DistributionChecker tiny = new DistributionChecker(CheckOptions.defaults().withMaxFileBytes(1024)
                .withPythons(List.of(DebianPython.executable())));

        assertThat(tiny.check(List.of(wheel)).files().get(0).findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("file.too-large");
            assertThat(f.message()).contains("requesting-a-file-size-limit-increase").contains("--max-file-size");
        });
    }

    @Test
    void aBatchOfTwoVersionsOrTwoSdistsIsRefused() {
        Path otherVersion = metadataVariantNamed("logflux-0.1.9-py3-none-any.whl",
                s -> s.replace("Version: 0.2.0", "Version: 0.1.9"), "logflux-0.2.0.dist-info/", "logflux-0.1.9.dist-info/");
        CheckReport report = checker.check(List.of(wheel, otherVersion, sdist));

        assertThat(report.passed(false)).isFalse();
        assertThat(report.batch()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("batch.versions");
            assertThat(f.message()).contains("0.1.9 (logflux-0.1.9-py3-none-any.whl)").contains("rm -rf dist");
        });
    }

    @Test
    void moreMetadataRules() {
        assertFails(metadataVariant(s -> s.replace("Metadata-Version: 2.1", "Metadata-Version: 2.2\nDynamic: Name")),
                "metadata.dynamic", "marks Name as Dynamic");
        assertFails(metadataVariant(s -> s.replace("text/markdown", "text/markdown; charset=latin-1")),
                "description.content-type", "charset=latin-1");
        assertFails(metadataVariant(s -> s.replace("text/markdown", "text/markdown; variant=Gruber")),
                "description.content-type", "variant 'Gruber'");
        Path unknownField = metadataVariant(s -> s.replace("Name: logflux", "Name: logflux\nLicence: MIT"));
        FileReport report = checkOne(unknownField);
        assertThat(report.status(false)).isEqualTo(FileReport.Status.PASSED_WITH_WARNINGS);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("metadata.unknown-field");
            assertThat(f.message()).contains("'Licence'");
        });
    }

    @Test
    void wheelNamesAndPlatformTags() {
        Path unnormalized = ArchiveEditor.ofWheel(wheel).writeWheel(dir.resolve("LogFlux-0.2.0-py3-none-any.whl"));
        Path linux = ArchiveEditor.ofWheel(wheel).edit(DIST_INFO + "WHEEL", s -> s.replace("py3-none-any",
                "cp311-cp311-linux_x86_64")).writeWheel(dir.resolve("logflux-0.2.0-cp311-cp311-linux_x86_64.whl"));

        assertFails(unnormalized, "filename.wheel-name", "should contain the normalized project name 'logflux', not 'LogFlux'");
        assertFails(linux, "filename.platform-tag", "'linux_x86_64', which PyPI refuses", "auditwheel repair");
    }

    @Test
    void aMemberThatAppearsTwiceIsRefused() throws IOException {
        Path twice = dir.resolve(WHEEL);
        try (org.apache.commons.compress.archivers.zip.ZipFile source =
                     org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(wheel).get();
             org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream out =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(Files.newOutputStream(twice))) {
            for (var entry : java.util.Collections.list(source.getEntries())) {
                out.addRawArchiveEntry(entry, source.getRawInputStream(entry));
                if (entry.getName().equals("logflux/client.py")) {
                    var copy = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("logflux/client.py");
                    out.putArchiveEntry(copy);
                    out.write("print('shadowed')\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.closeArchiveEntry();
                }
            }
        }

        assertFails(twice, "archive.duplicate", "'logflux/client.py' appears twice");
    }

    @Test
    void aWheelWithAnUnknownWheelVersionIsRefused() {
        Path future = wheelVariant(ArchiveEditor.ofWheel(wheel).edit(DIST_INFO + "WHEEL",
                s -> s.replace("Wheel-Version: 1.0", "Wheel-Version: 2.0")));

        assertFails(future, "wheel.wheel-file", "Wheel-Version 2.0; installers support 1.x");
    }

    @Test
    void aMalformedRecordLineIsRefused() {
        Path malformed = wheelVariant(ArchiveEditor.ofWheel(wheel).keepingRecord().edit(DIST_INFO + "RECORD",
                s -> s + "\"unterminated,sha256=x,1\n"));

        assertFails(malformed, "wheel.record", "is not 'path,hash,size'");
    }

    @Test
    void devicesInAnSdistAreRefused() {
        Path device = ArchiveEditor.ofSdist(sdist).writeSdist(dir.resolve(SDIST), tar -> {
            TarArchiveEntry fifo = new TarArchiveEntry("logflux-0.2.0/pipe", TarArchiveEntry.LF_FIFO);
            tar.putArchiveEntry(fifo);
            tar.closeArchiveEntry();
        });

        assertFails(device, "archive.special-file", "'logflux-0.2.0/pipe' is a device or FIFO");
    }

    @Test
    void twoSdistsOrTwoProjectsInOneBatchAreRefused() throws IOException {
        Path secondSdist = Files.createDirectories(dir.resolve("second")).resolve(SDIST);
        Files.copy(sdist, secondSdist);
        Path otherProject = ArchiveEditor.ofWheel(wheel).edit(DIST_INFO + "METADATA", s -> s.replace("Name: logflux",
                "Name: other")).renamePrefix("logflux-0.2.0.dist-info/", "other-0.2.0.dist-info/")
                .writeWheel(dir.resolve("other-0.2.0-py3-none-any.whl"));

        assertThat(checker.check(List.of(sdist, secondSdist)).batch()).extracting(Finding::rule).contains("batch.sdists");
        assertThat(checker.check(List.of(wheel, otherProject)).batch()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("batch.names");
            assertThat(f.message()).contains("logflux (logflux-0.2.0-py3-none-any.whl)")
                    .contains("other (other-0.2.0-py3-none-any.whl)");
        });
    }

    @Test
    void namesThatAreNotDistributionsAreRefused() throws IOException {
        Path sums = Files.writeString(dir.resolve("SHA256SUMS"), "x");

        assertFails(sums, "filename.form", "is not a wheel or sdist file name");
    }

    private Path metadataVariant(java.util.function.UnaryOperator<String> change) {
        return wheelVariant(ArchiveEditor.ofWheel(wheel).edit(DIST_INFO + "METADATA", change));
    }

    private Path metadataVariantNamed(String fileName, java.util.function.UnaryOperator<String> change, String from,
                                      String to) {
        return ArchiveEditor.ofWheel(wheel).edit(DIST_INFO + "METADATA", change).renamePrefix(from, to)
                .writeWheel(dir.resolve(fileName));
    }
}
