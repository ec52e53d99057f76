package io.logflux.release.check;

import io.logflux.release.testing.ArchiveEditor;
import io.logflux.release.testing.DebianPython;
import io.logflux.release.testing.SampleBuild;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wheel and sdist structure rules PyPI applies on upload (pypi/warehouse 6b62157: {@code forklift/legacy.py},
 * {@code utils/wheel.py}, {@code utils/scanner.py} with {@code utils/scanner_rules/}), each on a variant of the
 * sample project's real build, through the whole {@code check}; and the rules where {@code check} is stricter,
 * which must say so and not be marked as PyPI's.
 */
class WarehouseStructureRulesTest {
    private static final String WHEEL = "logflux-0.2.0-py3-none-any.whl";
    private static final String SDIST = "logflux-0.2.0.tar.gz";
    private static final String DIST_INFO = "logflux-0.2.0.dist-info/";

    @TempDir
    Path dir;

    private final DistributionChecker checker = new DistributionChecker(
            CheckOptions.defaults().withPythons(List.of(DebianPython.executable())));
    private int variants;

    private static ArchiveEditor wheel() {
        return ArchiveEditor.ofWheel(SampleBuild.shared().wheel());
    }

    private static ArchiveEditor sdist() {
        return ArchiveEditor.ofSdist(SampleBuild.shared().sdist());
    }

    private Path variant(String fileName) {
        try {
            return Files.createDirectories(dir.resolve("v" + variants++)).resolve(fileName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Finding> findings(Path file) {
        return checker.check(List.of(file)).files().get(0).findings();
    }

    /** The file fails with exactly this one finding, marked as one PyPI refuses (or not), holding these words. */
    private void assertOnly(Path file, String rule, boolean pypiRefuses, String... words) {
        List<Finding> findings = findings(file);
        assertThat(findings).as(findings.toString()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.pypiRefuses()).as("pypiRefuses").isEqualTo(pypiRefuses);
            assertThat(f.message()).contains("'" + file.getFileName() + "'").contains(words);
            if (!pypiRefuses) {
                assertThat(f.message()).contains("PyPI accepts this");
            }
        });
    }

    private void assertPasses(Path file) {
        assertThat(findings(file)).isEmpty();
    }

    private Path withEntryPoints(String text) {
        return wheel().put(DIST_INFO + "entry_points.txt", text).writeWheel(variant(WHEEL));
    }

    @Test
    void theSampleBuildPasses() {
        assertPasses(SampleBuild.shared().wheel());
        assertPasses(SampleBuild.shared().sdist());
    }

    @Test
    void aDistInfoSpelledOtherwiseThanTheFileNameIsRefused() {
        // legacy.py lines 376-387: name, version = filename.split("-", 2); {name}-{version}.dist-info/WHEEL
        Path capitalised = wheel().renamePrefix(DIST_INFO, "LogFlux-0.2.0.dist-info/").writeWheel(variant(WHEEL));

        assertOnly(capitalised, "wheel.dist-info", true, "its metadata directory is LogFlux-0.2.0.dist-info",
                "WHEEL not found at logflux-0.2.0.dist-info/WHEEL", "up-to-date build backend");
    }

    @Test
    void wheelRecordAndMetadataMustBeWhereTheFileNameSays() {
        assertOnly(wheel().remove(DIST_INFO + "WHEEL").writeWheel(variant(WHEEL)), "wheel.dist-info", true,
                "WHEEL not found at logflux-0.2.0.dist-info/WHEEL");
        assertOnly(wheel().remove(DIST_INFO + "RECORD").writeWheel(variant(WHEEL)), "wheel.dist-info", true,
                "Wheel '" + WHEEL + "' does not contain the required RECORD file: " + DIST_INFO + "RECORD");
        List<Finding> noMetadata = findings(wheel().remove(DIST_INFO + "METADATA").writeWheel(variant(WHEEL)));
        assertThat(noMetadata).anySatisfy(f -> assertThat(f.message()).contains("Wheel '" + WHEEL
                + "' does not contain the required METADATA file: " + DIST_INFO + "METADATA"));
    }

    @Test
    void aRecordPythonCannotReadIsRefusedAsMissing() {
        // utils/wheel.py lines 208-220: UnicodeError or csv.Error -> MissingWheelRecordError
        byte[] notUtf8 = ("logflux/\u00e9.py,,\n").getBytes(StandardCharsets.ISO_8859_1);
        Path bad = wheel().keepingRecord().put(DIST_INFO + "RECORD", concat(recordOfSample(), notUtf8))
                .writeWheel(variant(WHEEL));
        assertThat(findings(bad)).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("wheel.record");
            assertThat(f.pypiRefuses()).isTrue();
            assertThat(f.message()).contains("is not valid UTF-8").contains("does not contain the required RECORD");
        });
        Path longField = wheel().keepingRecord().edit(DIST_INFO + "RECORD", s -> s + "logflux/x.py,sha256="
                + "A".repeat(RecordFile.PYTHON_FIELD_LIMIT) + ",1\n").writeWheel(variant(WHEEL));
        assertThat(findings(longField)).anySatisfy(f -> {
            assertThat(f.pypiRefuses()).isTrue();
            assertThat(f.message()).contains("more than 131072 characters").contains("field larger than field limit");
        });
    }

    @Test
    void entryPointNamesOutsideWarehousesPatternAreRefused() {
        // utils/wheel.py lines 240, 243-251, 294-300
        assertOnly(withEntryPoints("[console_scripts]\nlogflux = logflux:main\n../../bin/x = logflux:main\n"),
                "wheel.entry-points", true, "line 3", "'../../bin/x'", "[\\w.-]+",
                "Wheel '" + WHEEL + "' has invalid entry points defined in the entry_points.txt file");
        assertOnly(withEntryPoints("[gui_scripts]\nmy tool = logflux:main\n"), "wheel.entry-points", true,
                "[gui_scripts] name 'my tool'");
        // a name of [DEFAULT] is a name of every section (configparser's SectionProxy iterates the defaults too)
        assertOnly(withEntryPoints("[DEFAULT]\n/abs = x:y\n[console_scripts]\nok = logflux:main\n"),
                "wheel.entry-points", true, "'/abs'");
        // other groups may name entries as they like; a deeper-indented line continues a value
        assertPasses(withEntryPoints("[pytest11]\nlogflux plugin/x = logflux.plugin\n"));
        assertPasses(withEntryPoints("[console_scripts]\nlogflux = logflux:main\n    ../../bin/x = continued\n"));
        assertPasses(withEntryPoints("[console_scripts]\n# ../../bin/x = commented\nlog.flux-2_\u00e9 = logflux:main\n"));
    }

    @Test
    void duplicateEntryPointsAndBrokenSyntaxAreRefused() {
        // utils/wheel.py lines 286-292: strict configparser, "=" only
        assertOnly(withEntryPoints("[console_scripts]\nlogflux = logflux:main\nlogflux=logflux:other\n"),
                "wheel.entry-points", true, "line 3 defines 'logflux' in [console_scripts] a second time");
        assertOnly(withEntryPoints("[console_scripts]\na = x:y\n[console_scripts]\nb = x:y\n"),
                "wheel.entry-points", true, "line 3 opens the section [console_scripts] a second time");
        assertOnly(withEntryPoints("logflux = logflux:main\n"), "wheel.entry-points", true,
                "line 1 ('logflux = logflux:main') comes before any [section] header");
        assertOnly(withEntryPoints("[console_scripts]\nlogflux: logflux:main\n"), "wheel.entry-points", true,
                "line 2 ('logflux: logflux:main') is not 'name = object reference'");
        assertOnly(wheel().put(DIST_INFO + "entry_points.txt", new byte[] {'[', 'a', ']', '\n', (byte) 0xff})
                .writeWheel(variant(WHEEL)), "wheel.entry-points", true, "is not valid UTF-8");
        // case matters (optionxform = str): two spellings are two entry points
        assertPasses(withEntryPoints("[console_scripts]\nLogflux = logflux:main\nlogflux = logflux:main\n"));
    }

    @Test
    void pyArmorObfuscatedCodeIsRefusedInWheelsAndSdists() {
        // scanner_rules/pyarmor.yar: any of its five strings in a .py member of at most 5 MiB
        String armored = "from pytransform import pyarmor_runtime\npyarmor_runtime()\n"
                + "__pyarmor__(__name__, __file__, b'\\x50\\x59\\x41\\x52')\n";
        assertOnly(wheel().put("logflux/core.py", armored).writeWheel(variant(WHEEL)), "archive.obfuscated", true,
                "member 'logflux/core.py' holds PyArmor-obfuscated code",
                "PyArmor-encrypted content is not allowed. See https://pypi.org/policy/acceptable-use-policy/ for "
                        + "more information.");
        assertOnly(sdist().put("logflux-0.2.0/logflux/core.PY", "def f():\n    __pyarmor_enter__(1)\n")
                .writeSdist(variant(SDIST)), "archive.obfuscated", true, "'__pyarmor_enter__'");
        // not a .py or .pye member, or over 5 MiB: PyPI does not scan it
        assertPasses(wheel().put("logflux/notes.txt", armored).writeWheel(variant(WHEEL)));
        assertPasses(wheel().put("logflux/big.py", "#" + "x".repeat(5 << 20) + "\n" + armored)
                .writeWheel(variant(WHEEL)));
    }

    @Test
    void sourceDefenderNeedsBothMarkersInOneMember() {
        // scanner_rules/sourcedefender.yar: all of them; scanner.py lines 210-234 attribute a match to one member
        String both = "---BEGIN PYE FILE---\nAAAA\n---END PYE FILE---\n";
        assertOnly(wheel().put("logflux/core.pye", both).writeWheel(variant(WHEEL)), "archive.obfuscated", true,
                "SourceDefender-encrypted content is not allowed.");
        assertPasses(wheel().put("logflux/a.pye", "---BEGIN PYE FILE---\n").put("logflux/b.pye",
                "---END PYE FILE---\n").writeWheel(variant(WHEEL)));
    }

    @Test
    void aMarkerAcrossTwoReadBuffersIsFound() {
        String armored = "x".repeat((1 << 16) - 7) + "__pyarmor_exit__\n";
        assertOnly(wheel().put("logflux/core.py", armored).writeWheel(variant(WHEEL)), "archive.obfuscated", true,
                "'__pyarmor_exit__'");
    }

    @Test
    void aSymlinkGivesOneFindingWhetherOrNotRecordListsIt() {
        Path unlisted = wheel().writeWheelWithSymlink(variant(WHEEL), "logflux/passwd", "/etc/passwd");
        Path listed = wheel().keepingRecord().edit(DIST_INFO + "RECORD", s -> s
                + "logflux/passwd,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n")
                .writeWheelWithSymlink(variant(WHEEL), "logflux/passwd", "/etc/passwd");

        assertOnly(unlisted, "archive.link", false, "'logflux/passwd' is a symbolic link",
                "pip installs it as a regular file");
        assertOnly(listed, "archive.link", false, "'logflux/passwd' is a symbolic link");
    }

    @Test
    void recordRulesAreStricterThanPypiAndSaySo() {
        Path changed = wheel().keepingRecord().edit("logflux/client.py", s -> s + "\n# changed\n")
                .writeWheel(variant(WHEEL));
        Path unlisted = wheel().keepingRecord().put("logflux/extra.py", "x = 1\n").writeWheel(variant(WHEEL));
        Path missing = wheel().keepingRecord().remove("logflux/client.py").writeWheel(variant(WHEEL));

        for (Path file : List.of(changed, unlisted, missing)) {
            assertThat(findings(file)).isNotEmpty().allSatisfy(f -> {
                assertThat(f.rule()).startsWith("wheel.record");
                assertThat(f.pypiRefuses()).isFalse();
                assertThat(f.message()).contains("PyPI accepts this (it only e-mails the project's owners");
            });
        }
        // what the messages say of wheel unpack holds for Debian's wheel: it refuses a changed or unlisted file
        for (Path file : List.of(changed, unlisted)) {
            assertThat(findings(file)).anySatisfy(f -> assertThat(f.message()).contains("wheel unpack"));
            DebianPython.Result unpack = DebianPython.run(dir, "-m", "wheel", "unpack", "-d",
                    dir.resolve("unpacked" + variants++).toString(), file.toString());
            assertThat(unpack.output()).as(unpack.output()).containsAnyOf("Hash mismatch for file",
                    "No hash found for file");
        }
        assertThat(findings(missing)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("installers do not look for it"));
    }

    @Test
    void twoDistInfoDirectoriesAreStricterThanPypi() {
        assertOnly(wheel().put("logflux-0.1.9.dist-info/METADATA", "Name: logflux\n").writeWheel(variant(WHEEL)),
                "wheel.dist-info", false, "has 2 .dist-info directories", "multiple .dist-info directories found");
    }

    @Test
    void anSdistTopDirectoryOtherThanNameVersionIsStricterThanPypi() {
        Path other = sdist().renamePrefix("logflux-0.2.0/", "logflux-src/").writeSdist(variant(SDIST));

        assertOnly(other, "sdist.layout", false, "must hold a single top directory logflux-0.2.0/",
                "'logflux-src'/", "pip unpacks any single top directory");
    }

    @Test
    void anSdistPypiCannotFindPkgInfoInIsRefused() {
        // legacy.py lines 449-458: tar.getmember("<common path>/PKG-INFO") by the exact name; "./" is not stripped
        Path dotted = sdist().renamePrefix("logflux-0.2.0/", "./logflux-0.2.0/").writeSdist(variant(SDIST));
        assertThat(findings(dotted)).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("sdist.pkg-info");
            assertThat(f.pypiRefuses()).isTrue();
            assertThat(f.message()).contains("PKG-INFO not found at logflux-0.2.0/PKG-INFO");
        });
        // a member named "./" (tar -C dir .) leaves no common path: lines 449-453
        Path dotMember = sdist().writeSdist(variant(SDIST), tar -> {
            tar.putArchiveEntry(new TarArchiveEntry("./"));
            tar.closeArchiveEntry();
        });
        assertThat(findings(dotMember)).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("sdist.layout");
            assertThat(f.pypiRefuses()).isTrue();
            assertThat(f.message()).contains("Incorrect number of top-level directories in sdist");
        });
    }

    @Test
    void zipFramingIsReportedByCheckItself() throws IOException {
        Path good = SampleBuild.shared().wheel();

        Path trailing = Files.copy(good, variant(WHEEL));
        Files.write(trailing, "appended".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        assertOnly(trailing, "zip.trailing-data", true, "ZIP archive not accepted: Trailing data");

        Path prepended = variant(WHEEL);
        Files.write(prepended, concat("#!/bin/sh\nexec python3 \"$0\"\n".getBytes(StandardCharsets.US_ASCII),
                Files.readAllBytes(good)));
        assertThat(findings(prepended)).singleElement().satisfies(f -> {
            assertThat(f.rule()).startsWith("zip.");
            assertThat(f.pypiRefuses()).isTrue();
            assertThat(f.message()).contains("ZIP archive not accepted: ");
        });

        assertOnly(rewritten(good, variant(WHEEL), true, null), "zip.data-descriptor", true,
                "ZIP archive not accepted: ZIP contains a data descriptor");
        assertOnly(rewritten(good, variant(WHEEL), false, "logflux/__init__.py"), "zip.trailing-data", true,
                "ZIP archive not accepted: Comment in central directory");
        assertOnly(wheel().put("logflux/\u0007bell.py", "").writeWheel(variant(WHEEL)), "zip.filename", true,
                "ZIP archive not accepted: Invalid character in filename");
    }

    @Test
    void pypisCompressionRatioIsOverTheWholeArchive() throws IOException {
        // legacy.py lines 332-351: three members of 30 MiB of zeros, none past the per-member 64 MiB bound
        Path wheel = variant(WHEEL);
        try (ZipFile source = ZipFile.builder().setPath(SampleBuild.shared().wheel()).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(wheel)) {
            for (ZipArchiveEntry entry : Collections.list(source.getEntries())) {
                out.addRawArchiveEntry(entry, source.getRawInputStream(entry));
            }
            byte[] zeros = new byte[1 << 20];
            for (int m = 0; m < 3; m++) {
                out.putArchiveEntry(new ZipArchiveEntry("logflux/zeros" + m + ".bin"));
                for (int i = 0; i < 30; i++) {
                    out.write(zeros);
                }
                out.closeArchiveEntry();
            }
        }

        List<Finding> findings = findings(wheel);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("archive.compression-ratio");
            assertThat(f.pypiRefuses()).isTrue();
            assertThat(f.message()).contains("90.0 MiB").contains("File exceeds compression ratio of 50");
        });
        assertThat(findings).noneSatisfy(f -> assertThat(f.rule()).isEqualTo("archive.limits"));
    }

    /**
     * The wheel's members again, through a stream (so with data descriptors) or a file, with a comment on one
     * central directory entry.
     */
    private static Path rewritten(Path wheel, Path target, boolean viaStream, String commented) throws IOException {
        try (ZipFile source = ZipFile.builder().setPath(wheel).get();
             OutputStream stream = viaStream ? Files.newOutputStream(target) : null;
             ZipArchiveOutputStream out = viaStream ? new ZipArchiveOutputStream(stream)
                     : new ZipArchiveOutputStream(target)) {
            for (ZipArchiveEntry entry : Collections.list(source.getEntries())) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                if (entry.getName().equals(commented)) {
                    copy.setComment("PK\u0005\u0006 smuggled");
                }
                out.putArchiveEntry(copy);
                try (var in = source.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
            }
        }
        return target;
    }

    private static byte[] recordOfSample() {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(SampleBuild.shared().wheel().toFile())) {
            return zip.getInputStream(zip.getEntry(DIST_INFO + "RECORD")).readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
