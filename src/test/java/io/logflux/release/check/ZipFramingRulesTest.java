package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.dist.DistFilename;
import io.logflux.release.dist.DistMetadataReader;
import io.logflux.release.dist.InvalidZipException;
import io.logflux.release.dist.WheelFilename;
import io.logflux.release.dist.ZipLayout;
import io.logflux.release.dist.ZipMember;
import io.logflux.release.testing.SampleBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PyPI's ZIP framing rules, each crafted here byte by byte. The rules and their words are warehouse's
 * (pypi/warehouse at 6b62157, {@code warehouse/utils/zipfiles.py}, explained in {@code docs/user/archives.md};
 * the accepted and refused cases follow {@code tests/unit/utils/test_zipfiles.py}); line numbers cite that file.
 */
class ZipFramingRulesTest {
    private static final String WHEEL = "x-1.0-py3-none-any.whl";

    @TempDir
    Path dir;

    private static CraftedZip twoMembers() {
        CraftedZip zip = new CraftedZip();
        zip.add("x/__init__.py", "x = 1\n");
        zip.add("x-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: x\nVersion: 1.0\n");
        return zip;
    }

    private List<Finding> scan(CraftedZip zip) {
        Path file = zip.write(dir.resolve(WHEEL));
        return new WheelScanner(ArchiveLimits.defaults()).scan(file, (WheelFilename) DistFilename.parse(WHEEL))
                .findings();
    }

    /** The one finding is the rule's, in warehouse's words, naming the file and what to do. */
    private void assertRefused(CraftedZip zip, String rule, String warehouseWords) {
        List<Finding> findings = scan(zip);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.message()).startsWith("'" + WHEEL + "': ZIP archive not accepted: " + warehouseWords)
                    .contains("https://docs.pypi.org/archives").contains("python -m build");
        });
        assertThatThrownBy(() -> new DistMetadataReader().read(dir.resolve(WHEEL)))
                .isInstanceOf(InvalidZipException.class).hasMessageContaining(warehouseWords);
    }

    private static List<String> zipRules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).filter(r -> r.startsWith("zip.")).toList();
    }

    @Test
    void aWellFramedArchiveIsAccepted() throws IOException {
        // test_cd_and_eocd_match: local header, central entry, end record, nothing else
        Path file = twoMembers().write(dir.resolve(WHEEL));
        try (ZipLayout layout = ZipLayout.open(file, "wheel", ArchiveLimits.defaults())) {
            assertThat(layout.members()).extracting(ZipMember::name)
                    .containsExactly("x/__init__.py", "x-1.0.dist-info/METADATA");
            try (InputStream in = layout.read(layout.members().get(0))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x = 1\n");
            }
        }
        assertThat(new DistMetadataReader().read(file).name()).contains("x");
    }

    @Test
    void anArchiveCommentIsAccepted() {
        // _handle_eocd (line 203) skips the EOCD comment; warehouse's accept/comment.zip
        assertThat(zipRules(scan(twoMembers().archiveComment("built by hand")))).isEmpty();
    }

    @Test
    void wheelsBuiltByPythonMBuildAreAccepted() throws IOException {
        Path wheel = SampleBuild.shared().wheel();
        try (ZipLayout layout = ZipLayout.open(wheel, "wheel", ArchiveLimits.defaults())) {
            assertThat(layout.members()).isNotEmpty();
        }
        assertThat(zipRules(new WheelScanner(ArchiveLimits.defaults()).scan(wheel,
                (WheelFilename) DistFilename.parse(wheel.getFileName().toString())).findings())).isEmpty();
    }

    @Test
    void trailingDataIsRefused() {
        // _validate_zipfile lines 389-392: "Trailing data" (warehouse's reject/suffix_not_comment.zip)
        assertRefused(twoMembers().suffix("PK\u0003\u0004 appended".getBytes(StandardCharsets.ISO_8859_1)),
                "zip.trailing-data", "Trailing data");
    }

    @Test
    void prependedDataIsRefused() {
        // _validate_zipfile lines 375-376: "Unknown record signature" (reject/prefix.zip)
        assertRefused(twoMembers().prefix("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII)),
                "zip.trailing-data", "Unknown record signature");
    }

    @Test
    void aCommentInTheCentralDirectoryIsRefused() {
        // _handle_central_directory_header lines 176-177: "Comment in central directory"
        CraftedZip zip = twoMembers();
        zip.members().get(0).centralComment = "PK\u0005\u0006 smuggled".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(zip, "zip.trailing-data", "Comment in central directory");
    }

    @Test
    void aLocalHeaderThatDisagreesWithTheCentralDirectoryIsRefused() {
        // _handle_local_file_header lines 151-152 and 153-154: "Mis-matched data size", "Mis-matched file size"
        CraftedZip sizes = twoMembers();
        sizes.members().get(0).centralCompressedSize = 5;
        assertRefused(sizes, "zip.local-header", "Mis-matched data size");
        CraftedZip spoofed = twoMembers();
        spoofed.members().get(0).centralSize = 6 << 20;
        assertRefused(spoofed, "zip.local-header", "Mis-matched file size");
    }

    @Test
    void aDataDescriptorIsRefused() {
        // _handle_local_file_header lines 143-145: "ZIP contains a data descriptor"
        CraftedZip zip = twoMembers();
        zip.members().get(0).flags = 0x08;
        assertRefused(zip, "zip.data-descriptor", "ZIP contains a data descriptor");
    }

    @Test
    void aDuplicateSecurityRelevantExtraIsRefused() {
        // DISALLOW_DUPLICATE_EXTRA_IDS (lines 17-20), checked at lines 85-86: "Invalid duplicate extra in local file"
        byte[] unicodePath = CraftedZip.extra(0x7075, "\u0001\0\0\0\0x/evil.py".getBytes(StandardCharsets.US_ASCII));
        CraftedZip twoPaths = twoMembers();
        twoPaths.members().get(0).localExtra = concat(unicodePath, unicodePath);
        assertRefused(twoPaths, "zip.duplicate-extra", "Invalid duplicate extra in local file");

        byte[] zip64 = CraftedZip.extra(0x0001, new byte[0]);
        CraftedZip twoZip64 = twoMembers();
        twoZip64.members().get(0).localExtra = concat(zip64, zip64);
        assertRefused(twoZip64, "zip.duplicate-extra", "Invalid duplicate extra in local file");

        // test_local_file_multiple_extras: different extras, each once, are fine
        CraftedZip distinct = twoMembers();
        distinct.members().get(0).localExtra = concat(CraftedZip.extra(0x7075, "\u0001\0\0\0\0x".getBytes(
                StandardCharsets.US_ASCII)), CraftedZip.extra(0x0002, new byte[4]));
        assertThat(zipRules(scan(distinct))).isEmpty();
    }

    @Test
    void unprintableBytesInNamesAreRefused() {
        // UNPRINTABLE_CHARS (line 22), checked at lines 74-75 (local) and 181-182 (central directory)
        CraftedZip zip = twoMembers();
        zip.members().get(0).name = "x/\u001b[2Jevil.py".getBytes(StandardCharsets.US_ASCII);
        zip.members().get(0).centralName = zip.members().get(0).name;
        assertRefused(zip, "zip.filename", "Invalid character in filename");
        CraftedZip delete = twoMembers();
        delete.members().get(1).centralName = "x/\u007f.py".getBytes(StandardCharsets.US_ASCII);
        assertRefused(delete, "zip.filename", "Invalid character in filename");
    }

    @Test
    void aUnicodePathThatIsNotUtf8IsRefused() {
        // lines 134-137: "Filename not valid UTF-8" (test_local_file_invalid_filename_utf8)
        CraftedZip zip = twoMembers();
        zip.members().get(0).localExtra = CraftedZip.extra(0x7075, new byte[] {1, 0, 0, 0, 0, (byte) 0xF7});
        assertRefused(zip, "zip.filename", "Filename not valid UTF-8");
    }

    @Test
    void aNegativeOffsetIsRefused() {
        // _seek_check / _read_check lines 34-35 and 41-42: "Negative offset" (a ZIP64 offset past 2^63)
        CraftedZip zip = twoMembers().endRecords(0xFFFF).zip64End(2, 100, Long.MIN_VALUE + 7, 44);
        assertRefused(zip, "zip.negative-offset", "Negative offset");
    }

    @Test
    void zip64ExtensibleDataIsRefused() {
        // _handle_eocd64 lines 219-220: "ZIP64 extensible data not allowed"
        CraftedZip zip = twoMembers().endRecords(0xFFFF).zip64End(2, 0, 0, 60);
        assertRefused(zip, "zip.central-directory", "ZIP64 extensible data not allowed");
    }

    @Test
    void multipleCentralDirectoriesAreRefused() {
        // docs/user/archives.md "Multiple or malformed central directory": an append-only update leaves the old
        // central directory between the local records; the walk of _validate_zipfile meets it before the last one
        CraftedZip original = twoMembers();
        Path first = original.write(dir.resolve("first.zip"));
        CraftedZip updated = new CraftedZip().prefix(readAll(first));
        for (CraftedZip.Member old : original.members()) {
            CraftedZip.Member kept = updated.add(new String(old.name, StandardCharsets.UTF_8),
                    new String(old.data, StandardCharsets.UTF_8));
            kept.writeLocal = false;
            kept.centralOffset = old.offset;
        }
        updated.add("x/new.py", "y = 2\n");
        List<Finding> findings = scan(updated);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("zip.central-directory"));
    }

    @Test
    void aHiddenLocalFileIsRefused() {
        // lines 157-158: "Filename not in central directory" (reject/cd_missing_entry.zip)
        CraftedZip zip = twoMembers();
        zip.members().get(0).writeCentral = false;
        assertRefused(zip, "zip.missing-entry", "Filename not in central directory");
    }

    @Test
    void aCentralEntryWithoutALocalHeaderIsRefused() {
        // lines 319-320: "Missing filename in local headers" (reject/missing_local_file.zip)
        CraftedZip zip = twoMembers();
        zip.members().get(1).writeLocal = false;
        zip.members().get(1).centralOffset = 1_000_000L;
        assertRefused(zip, "zip.missing-entry", "Missing filename in local headers");
    }

    @Test
    void aDuplicateNameIsRefused() {
        // lines 315-318: "Duplicate filename in central directory" (reject/cd_extra_entry.zip)
        CraftedZip zip = twoMembers();
        zip.add("x/__init__.py", "shadowed = True\n");
        assertRefused(zip, "archive.duplicate", "Duplicate filename in central directory");
    }

    @Test
    void centralEntriesSharingOneLocalEntryAreRefused() {
        // David Fifield's non-recursive zip bomb: many central entries over one local entry. warehouse refuses it
        // at line 319 (its local headers miss the names); we name it before any member is read
        CraftedZip zip = twoMembers();
        for (int i = 0; i < 1000; i++) {
            CraftedZip.Member alias = zip.add("x/alias" + i + ".py", "x = 1\n");
            alias.writeLocal = false;
            alias.centralOffset = 0L;
        }
        assertRefused(zip, "zip.overlap", "Overlapping entries");
    }

    @Test
    void aCentralEntryInsideAnotherMembersDataIsRefused() {
        // the overlapping variant: the second entry's local header lies inside the first member's data
        CraftedZip zip = new CraftedZip();
        CraftedZip.Member outer = zip.add("x/outer.py", "");
        CraftedZip.Member inner = zip.add("x/inner.py", "x = 1\n");
        int innerRecord = 30 + inner.name.length + inner.data.length;
        outer.localCompressedSize = innerRecord;
        outer.localSize = innerRecord;
        outer.centralCompressedSize = innerRecord;
        outer.centralSize = innerRecord;
        outer.data = new byte[0];
        inner.centralOffset = (long) 30 + outer.name.length;
        assertRefused(zip, "zip.overlap", "Overlapping entries");
    }

    @Test
    void theEntryCountIsReadFromTheEndRecordBeforeTheDirectory() {
        // a ZIP64 end record announcing a million entries: refused by count, not by parsing a directory
        CraftedZip zip = twoMembers().endRecords(0xFFFF).zip64End(1_000_000, 50_000_000, 0, 44);
        List<Finding> findings = scan(zip);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("archive.limits");
            assertThat(f.message()).contains("more than 100000 members").contains("lists 1000000");
        });
    }

    @Test
    void aCentralDirectoryOverItsByteLimitIsRefusedBeforeItIsRead() {
        CraftedZip zip = twoMembers().endRecords(0xFFFF).zip64End(2, ZipLayout.MAX_DIRECTORY_BYTES + 1, 0, 44);
        assertThat(scan(zip)).singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("archive.limits"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).order(ByteOrder.LITTLE_ENDIAN).put(a).put(b).array();
    }

    private static byte[] readAll(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
