package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.dist.DistFilename;
import io.logflux.release.dist.WheelFilename;
import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.SampleBuild;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the wheel scanner reads of a member that already has a finding of its own (a link, an unsafe name): nothing
 * PyPI does not read itself, so hostile data behind such a member costs no inflating, and the other members are
 * still checked.
 */
class WheelScannerTest {
    private static final String WHEEL = "logflux-0.2.0-py3-none-any.whl";
    private static final int SYMLINK = 0120777;
    private static final int FILE = 0100644;

    @TempDir
    Path dir;

    /**
     * A deflated member declaring 1 MiB whose data is not deflate at all (block type 3 is reserved): reading it fails,
     * so a scan that inflated it would report the wheel as corrupt.
     */
    private static void undeflatable(ZipArchiveOutputStream zip, String name, int mode) throws IOException {
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 0xFF);
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setSize(1 << 20);
        entry.setCompressedSize(garbage.length);
        entry.setCrc(0x12345678L);
        zip.addRawArchiveEntry(entry, new ByteArrayInputStream(garbage));
    }

    private static void symlink(ZipArchiveOutputStream zip, String name, String content) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(SYMLINK);
        zip.putArchiveEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
    }

    @Test
    void aLinkOrUnsafeMemberIsNotInflatedAndTheOtherMembersAreStillChecked() throws IOException {
        // a changed module under the old RECORD: the check of the members after the hostile ones must still run
        Path base = ArchiveEditor.ofWheel(SampleBuild.shared().wheel()).keepingRecord()
                .edit("logflux/client.py", s -> s + "\n# changed\n").writeWheel(dir.resolve("base.whl"));
        Path wheel = dir.resolve(WHEEL);
        try (ZipFile source = ZipFile.builder().setPath(base).get();
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(wheel)) {
            undeflatable(zip, "logflux/passwd", SYMLINK);
            undeflatable(zip, "../../etc/evil.pth", FILE);
            // PyPI's obfuscation scan reads every .py, links too, so this one is still read and refused
            symlink(zip, "logflux/armored.py", "__pyarmor_enter__\n");
            for (ZipArchiveEntry entry : Collections.list(source.getEntries())) {
                zip.addRawArchiveEntry(entry, source.getRawInputStream(entry));
            }
        }

        ScannedArchive scanned = new WheelScanner(ArchiveLimits.defaults()).scan(wheel,
                (WheelFilename) DistFilename.parse(WHEEL));

        assertThat(scanned.findings()).as(scanned.findings().toString()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("archive.link", "archive.unsafe-path", "archive.link",
                        "archive.obfuscated", "wheel.record-hash", "wheel.record-size");
        assertThat(scanned.findings()).filteredOn(f -> f.rule().equals("archive.obfuscated")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'logflux/armored.py'"));
        assertThat(scanned.findings()).filteredOn(f -> f.rule().startsWith("wheel.record")).allSatisfy(f ->
                assertThat(f.message()).contains("logflux/client.py"));
        assertThat(scanned.metadata()).isPresent();
        assertThat(scanned.files()).contains("logflux/passwd", "../../etc/evil.pth");
    }
}
