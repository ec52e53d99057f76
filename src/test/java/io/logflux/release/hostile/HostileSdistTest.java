package io.logflux.release.hostile;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.DistributionChecker;
import io.logflux.release.check.FileReport;
import io.logflux.release.check.Finding;
import io.logflux.release.check.Severity;
import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.dist.InvalidDistributionException;
import io.logflux.release.testing.DebianPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.logflux.release.hostile.HostileSdists.FILE;
import static io.logflux.release.hostile.HostileSdists.PKG_INFO;
import static io.logflux.release.hostile.HostileSdists.TOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sdists of issue #15, crafted in the test: each ends in a finding that names the file and the rule, from a
 * reader that checks every declared size before it reads (memory and time are the benchmark's,
 * bench/hostile-archives.sh, and HostileArchivesIT runs them in a 256 MiB JVM).
 */
class HostileSdistTest {
    @TempDir
    Path dir;

    private final DistributionChecker checker = new DistributionChecker(
            CheckOptions.defaults().withPythons(List.of(DebianPython.executable())));

    private List<Finding> check(Path file) {
        FileReport report = checker.check(List.of(file)).files().get(0);
        assertThat(report.status(false)).as(report.findings().toString()).isEqualTo(FileReport.Status.FAILED);
        return report.findings();
    }

    private void assertFinding(Path file, String rule, String... parts) {
        List<Finding> findings = check(file);
        assertThat(findings).as(findings.toString()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.message()).contains("'" + FILE + "'").contains(parts);
        });
        assertThat(findings).allSatisfy(f -> assertThat(f.message().length()).isLessThan(1000));
    }

    @Test
    void aCraftedGoodSdistHasNoArchiveFinding() throws IOException {
        Path good = Files.createDirectories(dir.resolve("good")).resolve(FILE);
        try (HostileTar tar = HostileTar.create(good)) {
            tar.header(TOP, '5', 0).file(TOP + "PKG-INFO", PKG_INFO).longName(TOP + "l".repeat(300))
                    .file("short", "x").pax("path=" + TOP + "p".repeat(500), "size=3").file("ignored", "abc")
                    .header(TOP + "link", '2', 0, "PKG-INFO");
        }

        FileReport report = checker.check(List.of(good)).files().get(0);
        assertThat(report.findings()).noneMatch(f -> f.rule().startsWith("archive.") || f.rule().startsWith("sdist."));
        assertThat(new DistMetadataReader().read(good).name()).contains("hostile");
    }

    @Test
    void aGnuLongNameOf2Point5GbIsRefusedAtItsHeader() {
        assertFinding(HostileSdists.longName(dir, 2_684_354_560L, false), "archive.limits",
                "header #1 is a GNU long name of 2684354560 bytes, more than the limit of 4096 (PATH_MAX)");
    }

    @Test
    void aOneGibNameIsRefusedNotPrinted() {
        assertFinding(HostileSdists.longName(dir, 1L << 30, false), "archive.limits",
                "GNU long name of 1073741824 bytes");
    }

    @Test
    void manyLongNamesStopAtTheFirstOverTheCap() {
        assertFinding(HostileSdists.manyBigLongNames(dir, false), "archive.limits",
                "header #1 is a GNU long name of 1048577 bytes");
    }

    @Test
    void namesUnderTheCapStillAddUpToALimit() {
        assertFinding(HostileSdists.manyLongNames(dir), "archive.limits",
                "its member names add up to more than 33554432 bytes");
    }

    @Test
    void aDeepOldGnuSparseMapIsRefusedAfter64ExtensionHeaders() {
        assertFinding(HostileSdists.deepSparseMap(dir), "archive.limits",
                "member 'hostile-1.0/data' has a sparse map of more than 64 extension headers");
    }

    @Test
    void aPaxSparseMemberIsRefusedWithoutExpandingItsMap() {
        assertFinding(HostileSdists.paxSparseDeepMap(dir), "archive.sparse",
                "is a sparse file, which PyPI refuses");
    }

    @Test
    void aPaxHeaderOf1Point9GbIsRefusedAtItsHeader() {
        assertFinding(HostileSdists.hugePax(dir, 2_040_109_465L, false), "archive.limits",
                "header #1 is a pax header of 2040109465 bytes, more than the limit of 1048576");
    }

    @Test
    void aPaxPathOverTheNameCapIsRefusedAndQuotedShort() throws IOException {
        Path file = Files.createDirectories(dir.resolve("pax-path")).resolve(FILE);
        try (HostileTar tar = HostileTar.create(file)) {
            tar.pax("path=" + TOP + "p".repeat(500_000)).file("x", "");
        }

        assertFinding(file, "archive.limits", "gives a name of 500012 bytes, more than the limit of 4096",
                "'" + TOP + "p".repeat(188) + "…'");
    }

    @Test
    void headerBytesCountInTheArchiveBudget() throws IOException {
        Path file = Files.createDirectories(dir.resolve("headers")).resolve(FILE);
        try (HostileTar tar = HostileTar.create(file)) {
            tar.file(TOP + "PKG-INFO", PKG_INFO);
            for (int i = 0; i < 4; i++) {
                tar.pax("comment=" + "c".repeat(400_000)).file(TOP + "f" + i, "");
            }
        }
        DistributionChecker strict = new DistributionChecker(new CheckOptions(100L << 20,
                new ArchiveLimits(1 << 20, 1000, 1 << 20), List.of(DebianPython.executable())));

        List<Finding> findings = strict.check(List.of(file)).files().get(0).findings();

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("archive.limits");
            assertThat(f.message()).contains("'" + FILE + "': its members inflate to more than 1048576 bytes");
        });
    }

    @Test
    void aSizeLargerThanTheDataIsATruncatedArchive() throws IOException {
        Path file = Files.createDirectories(dir.resolve("short")).resolve(FILE);
        HostileTar.create(file).file(TOP + "PKG-INFO", PKG_INFO).header(TOP + "big", '0', 10 << 20)
                .zeros(1024).cutOff();

        assertFinding(file, "archive.corrupt", "is not a valid sdist (.tar.gz)", "truncated");
    }

    @Test
    void anEmptyFileSaysWhereItEnds() throws IOException {
        Path empty = Files.createFile(Files.createDirectories(dir.resolve("empty")).resolve(FILE));

        assertFinding(empty, "archive.corrupt", "is not a valid sdist (.tar.gz): it ends inside its gzip header");
    }

    @Test
    void aSymlinkToADirectoryThenAHardLinkThroughItIsAnEscape() {
        assertFinding(HostileSdists.symlinkThenHardlink(dir), "archive.link",
                "member 'hostile-1.0/passwd' links to 'hostile-1.0/up/../etc/passwd', outside the sdist's tree");
    }

    @Test
    void linksThatStayInsideAsWrittenButNotOnDiskAreEscapes() {
        Path file = HostileSdists.symlinkThenFile(dir);

        assertFinding(file, "archive.link", "member 'hostile-1.0/out' links to 'up/..', outside the sdist's tree");
        assertFinding(file, "archive.link", "member 'hostile-1.0/out/evil.pth' is unpacked through a link to "
                + "outside the sdist's tree");
    }

    @Test
    void aFileThatIsBothAZipAndATarIsRefusedAsPyPiDoes() {
        // warehouse/forklift/legacy.py, _is_valid_dist_file (pypi/warehouse@6b62157, lines 315-319):
        // is_zipfile and is_tarfile -> "File is both a zip and a tar file"
        assertFinding(HostileSdists.polyglot(dir), "archive.polyglot", "is both a zip and a tar file");
    }

    @Test
    void publishReadsPkgInfoThroughTheSameBoundedReader() {
        DistMetadataReader reader = new DistMetadataReader();

        assertThatThrownBy(() -> reader.read(HostileSdists.longName(dir, 2_684_354_560L, false)))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageContaining("'" + FILE + "' is refused before its PKG-INFO: header #1 is a GNU long name "
                        + "of 2684354560 bytes");
        assertThatThrownBy(() -> reader.read(HostileSdists.hugePax(dir, 2_040_109_465L, false)))
                .hasMessageContaining("pax header of 2040109465 bytes");
        assertThatThrownBy(() -> reader.read(HostileSdists.manyBigLongNames(dir.resolve("m"), false)))
                .hasMessageContaining("GNU long name of 1048577 bytes");
    }
}
