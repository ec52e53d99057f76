package io.logflux.release.dist;

import io.logflux.release.testing.SampleProject;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistMetadataReaderTest {
    @TempDir
    static Path built;
    @TempDir
    Path dir;

    static SampleProject sample;
    private final DistMetadataReader reader = new DistMetadataReader();

    @BeforeAll
    static void buildTheSample() {
        sample = SampleProject.copyTo(built.resolve("sample"));
        sample.build();
    }

    @Test
    void readsTheMetadataOfARealWheelAndSdist() {
        CoreMetadata wheel = reader.read(sample.wheel("0.2.0"));
        CoreMetadata sdist = reader.read(sample.sdist("0.2.0"));

        for (CoreMetadata m : List.of(wheel, sdist)) {
            assertThat(m.name()).contains("logflux");
            assertThat(m.version()).contains("0.2.0");
            assertThat(m.first("Summary")).contains("LogFlux Python SDK: send structured logs to a LogFlux collector");
            assertThat(m.body()).hasValueSatisfying(body -> assertThat(body).contains("# LogFlux Python SDK"));
        }
    }

    @Test
    void readsDebiansUpstreamWheels() throws IOException {
        List<Path> wheels;
        try (Stream<Path> files = Files.list(Path.of("/usr/share/python-wheels"))) {
            wheels = files.filter(p -> p.toString().endsWith(".whl")).toList();
        }
        assertThat(wheels).as("Debian's python3-pip ships wheels in /usr/share/python-wheels").isNotEmpty();
        for (Path wheel : wheels) {
            WheelFilename name = (WheelFilename) DistFilename.parse(wheel.getFileName().toString());
            CoreMetadata m = reader.read(wheel);

            assertThat(m.name()).as(wheel.toString()).hasValueSatisfying(n -> assertThat(n).isEqualToIgnoringCase(
                    name.distributionName()));
            assertThat(m.version()).as(wheel.toString()).contains(name.versionText());
        }
    }

    @Test
    void aTruncatedWheelIsNamedAndSaysToRebuild() throws IOException {
        Path truncated = truncate(sample.wheel("0.2.0"), "logflux-0.2.0-py3-none-any.whl");

        assertThatThrownBy(() -> reader.read(truncated))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageStartingWith("'logflux-0.2.0-py3-none-any.whl' is not a valid wheel (zip)")
                .hasMessageContaining("Rebuild it with python -m build");
    }

    /** Reading stops at PKG-INFO; a file cut before it fails here (checking the whole archive is check's job). */
    @Test
    void anSdistCutBeforeItsPkgInfoIsNamed() throws IOException {
        Path truncated = dir.resolve("logflux-0.2.0.tar.gz");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(sample.sdist("0.2.0")), 64));

        assertThatThrownBy(() -> reader.read(truncated))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageStartingWith("'logflux-0.2.0.tar.gz' is not a valid sdist (.tar.gz)");
    }

    @Test
    void randomBytesAreNotArchives() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path wheel = Files.write(dir.resolve("noise-1.0-py3-none-any.whl"), noise);
        Path sdist = Files.write(dir.resolve("noise-1.0.tar.gz"), noise);

        assertThatThrownBy(() -> reader.read(wheel)).hasMessageContaining("is not a valid wheel (zip)");
        assertThatThrownBy(() -> reader.read(sdist)).hasMessageContaining("is not a valid sdist (.tar.gz)");
    }

    @Test
    void aWheelWithoutMetadataOrWithTwoDistInfosIsRefused() throws IOException {
        Path none = zip("x-1.0-py3-none-any.whl", "x/__init__.py", "x-1.0.dist-info/RECORD");
        Path two = zip("y-1.0-py3-none-any.whl", "y-1.0.dist-info/METADATA", "y-0.9.dist-info/METADATA");

        assertThatThrownBy(() -> reader.read(none)).hasMessageContaining("'x-1.0-py3-none-any.whl' has no "
                + "{name}-{version}.dist-info/METADATA");
        assertThatThrownBy(() -> reader.read(two)).hasMessageContaining("more than one .dist-info directory")
                .hasMessageContaining("y-0.9.dist-info, y-1.0.dist-info");
    }

    @Test
    void metadataLargerThanTheLimitIsRefusedWithoutReadingIt() throws IOException {
        Path wheel = dir.resolve("big-1.0-py3-none-any.whl");
        // written to the path, so that the sizes go in the local header (a data descriptor is refused first)
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(wheel)) {
            zip.putArchiveEntry(new ZipArchiveEntry("big-1.0.dist-info/METADATA"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        }
        assertThat(Files.size(wheel)).isLessThan(1 << 20);

        assertThatThrownBy(() -> reader.read(wheel))
                .hasMessageContaining("'big-1.0-py3-none-any.whl': big-1.0.dist-info/METADATA is larger than the limit");
    }

    @Test
    void anSdistWithTooManyMembersBeforePkgInfoIsRefused() throws IOException {
        Path sdist = dir.resolve("many-1.0.tar.gz");
        try (OutputStream out = Files.newOutputStream(sdist);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (int i = 0; i < 300; i++) {
                tar.putArchiveEntry(new TarArchiveEntry("many-1.0/f" + i));
                tar.closeArchiveEntry();
            }
            addTarFile(tar, "many-1.0/PKG-INFO", "Name: many\nVersion: 1.0\n");
        }
        DistMetadataReader strict = new DistMetadataReader(new ArchiveLimits(1 << 20, 200, 1L << 30));

        assertThatThrownBy(() -> strict.read(sdist)).hasMessageContaining("more than 200 members before its PKG-INFO");
        assertThat(reader.read(sdist).name()).contains("many");
    }

    @Test
    void pkgInfoOutsideTheTopDirectoryIsNotTaken() throws IOException {
        Path sdist = dir.resolve("evil-1.0.tar.gz");
        try (OutputStream out = Files.newOutputStream(sdist);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            addTarFile(tar, "../PKG-INFO", "Name: evil\nVersion: 6.6.6\n");
            addTarFile(tar, "evil-1.0/sub/PKG-INFO", "Name: evil\nVersion: 6.6.6\n");
        }

        assertThatThrownBy(() -> reader.read(sdist)).hasMessageContaining("'evil-1.0.tar.gz' has no "
                + "{name}-{version}/PKG-INFO");
    }

    @Test
    void invalidUtf8MetadataIsNamed() throws IOException {
        Path wheel = dir.resolve("enc-1.0-py3-none-any.whl");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(wheel)) {
            zip.putArchiveEntry(new ZipArchiveEntry("enc-1.0.dist-info/METADATA"));
            zip.write("Name: enc\nSummary: caf".getBytes(StandardCharsets.US_ASCII));
            zip.write(new byte[] {(byte) 0xE9, '\n'});
            zip.closeArchiveEntry();
        }

        assertThatThrownBy(() -> reader.read(wheel)).hasMessageContaining("METADATA is not valid UTF-8");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("gone-1.0.tar.gz");

        assertThatThrownBy(() -> reader.read(missing)).hasMessageContaining("Built file " + missing + " does not exist");
    }

    private Path truncate(Path source, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Path copy = dir.resolve(name);
        Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return copy;
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                byte[] content = "Name: x\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);
                // stored with its sizes and CRC up front: a deflated ZipOutputStream entry has a data descriptor,
                // which PyPI refuses
                ZipEntry stored = new ZipEntry(entry);
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(content.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(content);
                stored.setCrc(crc.getValue());
                zip.putNextEntry(stored);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void addTarFile(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
