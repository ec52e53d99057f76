package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.dist.ArchivePaths;
import io.logflux.release.dist.CoreMetadata;
import io.logflux.release.dist.InvalidDistributionException;
import io.logflux.release.dist.InvalidZipException;
import io.logflux.release.dist.ZipLayout;
import io.logflux.release.dist.ZipMember;
import io.logflux.release.dist.WheelFilename;
import io.logflux.release.project.ProjectName;
import io.logflux.release.units.ByteSizes;
import io.logflux.release.version.Pep440Version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a wheel completely: every member's name is safe, no member is a symlink, every member inflates within
 * bounds, no Python member holds encrypted code, and the {@code .dist-info} directory PyPI looks for holds WHEEL,
 * RECORD and METADATA; WHEEL's tags equal the file name's, RECORD matches the members (sha256 and size), and
 * entry_points.txt is one PyPI accepts. A link or a member with an unsafe name is not inflated after its finding,
 * unless PyPI reads it too (a {@code .py} its obfuscation scan reads, a {@code .dist-info} file it looks up by name).
 *
 * <p>PyPI finds the directory by the file name as spelled, case and all: {@code name, version, _ =
 * filename.split("-", 2)}, then {@code {name}-{version}.dist-info/WHEEL} (pypi/warehouse 6b62157,
 * {@code warehouse/forklift/legacy.py} lines 376-387), {@code …/RECORD} (lines 1540-1565, through
 * {@code utils/wheel.py} lines 192-220), {@code …/entry_points.txt} (lines 1566-1580) and {@code …/METADATA}
 * (lines 1582-1602). Where {@code check} is stricter than PyPI (RECORD contents, several {@code .dist-info}
 * directories, links, unsafe paths, WHEEL's own fields) its finding says so and is not marked as one PyPI refuses.
 */
final class WheelScanner {
    private static final long PYPI_RATIO_FLOOR = 64L << 20;
    private static final int PYPI_MAX_RATIO = 50;
    private static final Set<String> UNRECORDED = Set.of("RECORD", "RECORD.jws", "RECORD.p7s");
    /** The members of a .dist-info directory that are kept in memory (each within the metadata limit). */
    private static final List<String> KEPT = List.of("METADATA", "WHEEL", "RECORD", "entry_points.txt");
    /** What PyPI does about RECORD (utils/wheel.py lines 192-229, legacy.py lines 1558-1564): it only e-mails. */
    private static final String PYPI_ON_RECORD = "PyPI accepts this (it only e-mails the project's owners when RECORD "
            + "and the files differ: warehouse/utils/wheel.py lines 192-229)";
    private static final String BOTH_VERIFIERS_REFUSE = PYPI_ON_RECORD + " and pip installs it unverified, but "
            + "wheel unpack and python -m installer --validate-record=all refuse it";

    private final ArchiveLimits limits;
    /** One buffer for every member: a scanner reads one archive, members one after another. */
    private final byte[] buffer = new byte[1 << 16];

    WheelScanner(ArchiveLimits limits) {
        this.limits = limits;
    }

    ScannedArchive scan(Path file, WheelFilename name) {
        String fileName = name.fileName();
        Contents contents = new Contents();
        List<Finding> findings = new ArrayList<>();
        try (ZipLayout zip = ZipLayout.open(file, "wheel", limits)) {
            checkCompressionRatio(zip.members(), Files.size(file), fileName, findings);
            ArchiveBudget budget = new ArchiveBudget(limits);
            for (ZipMember entry : zip.members()) {
                String member = entry.name();
                if (entry.isDirectory()) {
                    continue;
                }
                contents.present.add(member);
                Optional<String> unsafe = ArchivePaths.unsafeBecause(member);
                boolean linkOrUnsafe = unsafe.isPresent() || entry.isSymlink();
                if (unsafe.isPresent()) {
                    contents.ownFinding.add(member);
                    findings.add(Finding.stricter("archive.unsafe-path", "'" + fileName + "': member '" + member
                            + "' would be unpacked outside the install directory (" + unsafe.get() + "). PyPI "
                            + "accepts this, but pip refuses to install it (\"trying to install outside the target "
                            + "directory\"). Rebuild the wheel with python -m build."));
                } else if (entry.isSymlink()) {
                    contents.ownFinding.add(member);
                    findings.add(Finding.stricter("archive.link", "'" + fileName + "': member '" + member + "' is a "
                            + "symbolic link; wheels hold regular files only. PyPI accepts this, but pip installs "
                            + "it as a regular file holding the link's target path, so the link is lost. Rebuild "
                            + "without the link."));
                }
                if (!entry.isStoredOrDeflated()) {
                    contents.ownFinding.add(member);
                    // legacy.py lines 352-362
                    findings.add(Finding.error("wheel.compression", "'" + fileName + "': member '" + member
                            + "' uses zip compression method " + entry.method() + "; PyPI accepts only stored "
                            + "and deflated members (\"File does not use a supported compression type\"). Rebuild "
                            + "the wheel with python -m build."));
                    continue;
                }
                String[] segments = member.split("/");
                if (segments.length > 1 && segments[0].endsWith(".dist-info")) {
                    contents.distInfoDirs.add(segments[0]);
                }
                boolean keep = segments.length == 2 && segments[0].endsWith(".dist-info")
                        && KEPT.contains(segments[1]);
                if (linkOrUnsafe && !keep && !obfuscationScanReads(entry, contents)) {
                    // its finding is made and RECORD is not held to it: inflating hostile data would only cost
                    continue;
                }
                String stop = read(zip, entry, budget, contents, keep, fileName, findings);
                if (stop != null) {
                    findings.add(Finding.stricter("archive.limits", "'" + fileName + "': " + stop
                            + ". Rebuild it with python -m build."));
                    return result(findings, contents, name);
                }
            }
        } catch (InvalidZipException e) {
            findings.add(e.rule().equals("archive.limits") ? Finding.stricter(e.rule(), e.getMessage())
                    : Finding.error(e.rule(), e.getMessage()));
            return new ScannedArchive(Optional.empty(), "", Set.of(), "", findings);
        } catch (IOException e) {
            findings.add(Finding.error("archive.corrupt", "'" + fileName + "' is not a valid wheel (zip): "
                    + e.getMessage() + ". It may be truncated; rebuild it with python -m build."));
            return new ScannedArchive(Optional.empty(), "", Set.of(), "", findings);
        }
        return result(findings, contents, name);
    }

    /**
     * PyPI's ratio rule, over the whole archive and from the declared sizes (forklift/legacy.py lines 88, 95,
     * 327-345): more than 64 MiB in all and more than 50 times the file's size.
     */
    private static void checkCompressionRatio(List<ZipMember> members, long fileSize, String fileName,
                                              List<Finding> findings) {
        long declared = 0;
        for (ZipMember member : members) {
            declared = declared > Long.MAX_VALUE - member.size() ? Long.MAX_VALUE : declared + member.size();
        }
        if (declared > PYPI_RATIO_FLOOR && fileSize > 0 && (double) declared / fileSize > PYPI_MAX_RATIO) {
            findings.add(Finding.error("archive.compression-ratio", "'" + fileName + "': its members declare "
                    + ByteSizes.human(declared) + " in all, " + (declared / fileSize) + " times the file's "
                    + ByteSizes.human(fileSize) + "; PyPI refuses more than " + PYPI_MAX_RATIO + " times past 64 MiB "
                    + "(\"File exceeds compression ratio of " + PYPI_MAX_RATIO + "\"). Do not ship data that "
                    + "compresses this well (generate it at run time), or split the wheel."));
        }
    }

    /** What the members are, as the scan finds them. */
    private static final class Contents {
        /** Every member that is not a directory, as PyPI's {@code zfp.read(name)} finds it. */
        final Set<String> present = new LinkedHashSet<>();
        /** Members that already have a finding of their own (a link, an unsafe path): RECORD is not held to them. */
        final Set<String> ownFinding = new LinkedHashSet<>();
        final Map<String, Digest> digests = new LinkedHashMap<>();
        final Map<String, byte[]> kept = new LinkedHashMap<>();
        final Set<String> distInfoDirs = new TreeSet<>();
        boolean obfuscationFound;
    }

    /** PyPI's scan reads every member so named, links and unsafe paths too (scanner.py iter_zip_members). */
    private static boolean obfuscationScanReads(ZipMember entry, Contents contents) {
        return !contents.obfuscationFound && ObfuscationScan.scans(entry.name(), entry.size());
    }

    private String read(ZipLayout zip, ZipMember entry, ArchiveBudget budget, Contents contents, boolean keep,
                        String fileName, List<Finding> findings) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        java.io.ByteArrayOutputStream copy = keep ? new java.io.ByteArrayOutputStream() : null;
        ObfuscationScan.Matcher matcher = obfuscationScanReads(entry, contents) ? new ObfuscationScan.Matcher()
                : null;
        try (InputStream in = zip.read(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                sha256.update(buffer, 0, n);
                if (matcher != null) {
                    matcher.update(buffer, 0, n);
                }
                if (copy != null) {
                    if (size > limits.maxMetadataBytes()) {
                        return entry.name() + " is larger than " + limits.maxMetadataBytes() + " bytes";
                    }
                    copy.write(buffer, 0, n);
                }
                String stop = budget.countBytes(n, size, entry.compressedSize());
                if (stop != null) {
                    return stop;
                }
            }
        }
        if (matcher != null && matcher.match().isPresent()) {
            // PyPI stops at the first member that matches (scanner.py lines 219-231): one finding per file
            contents.obfuscationFound = true;
            findings.add(ObfuscationScan.finding(fileName, entry.name(), matcher.match().get(), matcher));
        }
        contents.digests.put(entry.name(), new Digest(
                Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()), size));
        if (copy != null) {
            contents.kept.put(entry.name(), copy.toByteArray());
        }
        return null;
    }

    private ScannedArchive result(List<Finding> findings, Contents contents, WheelFilename name) {
        String fileName = name.fileName();
        // legacy.py line 380: the name and version exactly as the file name spells them
        String expected = name.distributionName() + "-" + name.versionText() + ".dist-info";
        Set<String> dirs = contents.distInfoDirs;
        if (dirs.size() > 1) {
            findings.add(Finding.stricter("wheel.dist-info", "'" + fileName + "' has " + dirs.size()
                    + " .dist-info directories (" + String.join(", ", dirs) + "); a wheel has exactly one. PyPI "
                    + "accepts this (it reads " + expected + " only), but pip refuses to install it (\"multiple "
                    + ".dist-info directories found\"). Rebuild it from a clean tree: rm -rf build dist && "
                    + "python -m build."));
        }
        String distInfo = dirs.contains(expected) ? expected : dirs.size() == 1 ? dirs.iterator().next() : null;
        if (!dirs.contains(expected)) {
            findings.add(Finding.error("wheel.dist-info", "'" + fileName + "' has no " + expected + "/WHEEL"
                    + (dirs.isEmpty() ? " (it has no .dist-info directory at all)"
                    : " (its metadata directory is " + String.join(", ", dirs) + ")")
                    + ". PyPI looks the directory up by the name and version exactly as the file name spells them "
                    + "and refuses the file: \"WHEEL not found at " + expected + "/WHEEL\". "
                    + (distInfo != null && sameProject(distInfo, name)
                    ? "Rebuild it with an up-to-date build backend, which spells both with the normalized name."
                    : "The file was renamed; rebuild it instead.")));
        }
        if (distInfo == null) {
            return new ScannedArchive(Optional.empty(), "", contents.present, expected + "/licenses/", findings);
        }
        if (distInfo.equals(expected)) {
            checkRequiredFiles(contents, expected, fileName, findings);
        }
        byte[] wheel = contents.kept.get(distInfo + "/WHEEL");
        if (wheel != null) {
            checkWheelTags(new String(wheel, StandardCharsets.UTF_8), name, distInfo, findings);
        }
        byte[] record = contents.kept.get(distInfo + "/RECORD");
        if (record != null) {
            checkRecord(record, contents, distInfo, fileName, findings);
        }
        byte[] entryPoints = contents.kept.get(distInfo + "/entry_points.txt");
        if (entryPoints != null) {
            EntryPointRules.problem(entryPoints).ifPresent(problem -> findings.add(Finding.error(
                    "wheel.entry-points", "'" + fileName + "': " + distInfo + "/entry_points.txt " + problem
                            + ". PyPI refuses the file: \"Wheel '" + fileName + "' has invalid entry points "
                            + "defined in the entry_points.txt file\". Fix [project.scripts], "
                            + "[project.gui-scripts] or [project.entry-points] and rebuild.")));
        }
        String metadataPath = distInfo + "/METADATA";
        byte[] metadata = contents.kept.get(metadataPath);
        Optional<String> text = metadata == null ? Optional.empty()
                : Optional.of(MetadataBytes.decode(metadata, fileName, metadataPath, findings));
        return new ScannedArchive(text, metadataPath, contents.present, expected + "/licenses/", findings);
    }

    /** legacy.py lines 383-387 (WHEEL), 1540-1565 (RECORD), 1582-1602 (METADATA), each in PyPI's words. */
    private static void checkRequiredFiles(Contents contents, String distInfo, String fileName,
                                           List<Finding> findings) {
        if (!contents.present.contains(distInfo + "/WHEEL")) {
            findings.add(Finding.error("wheel.dist-info", "'" + fileName + "' has no " + distInfo + "/WHEEL; PyPI "
                    + "refuses it: \"WHEEL not found at " + distInfo + "/WHEEL\". Rebuild it with python -m build."));
        }
        for (String required : List.of("RECORD", "METADATA")) {
            if (!contents.present.contains(distInfo + "/" + required)) {
                findings.add(Finding.error("wheel.dist-info", "'" + fileName + "' has no " + distInfo + "/"
                        + required + "; PyPI refuses it: \"Wheel '" + fileName + "' does not contain the required "
                        + required + " file: " + distInfo + "/" + required + "\". Rebuild it with python -m build."));
            }
        }
    }

    private static boolean sameProject(String distInfo, WheelFilename name) {
        String stem = distInfo.substring(0, distInfo.length() - ".dist-info".length());
        int dash = stem.lastIndexOf('-');
        return dash > 0 && ProjectName.normalize(stem.substring(0, dash))
                .equals(ProjectName.normalize(name.distributionName()))
                && Pep440Version.isValid(name.versionText())
                && Pep440Version.tryParse(stem.substring(dash + 1)).equals(Pep440Version.tryParse(name.versionText()));
    }

    /** WHEEL is not read by PyPI at all (it only has to exist); pip reads Wheel-Version, and nothing reads Tag. */
    private static void checkWheelTags(String wheelText, WheelFilename name, String distInfo, List<Finding> findings) {
        CoreMetadata wheel;
        try {
            wheel = CoreMetadata.parse(wheelText);
        } catch (InvalidDistributionException e) {
            findings.add(Finding.stricter("wheel.wheel-file", "'" + name.fileName() + "': " + distInfo
                    + "/WHEEL is not 'Key: value' lines. PyPI accepts this, but pip refuses to install it. Rebuild "
                    + "the wheel."));
            return;
        }
        Optional<String> version = wheel.first("Wheel-Version");
        if (version.isEmpty() || !version.get().matches("1\\.\\d+")) {
            findings.add(Finding.stricter("wheel.wheel-file", "'" + name.fileName() + "': " + distInfo
                    + "/WHEEL has Wheel-Version " + version.orElse("(none)") + "; installers support 1.x. PyPI "
                    + "accepts this, but pip refuses to install it. Rebuild the wheel."));
        }
        Set<String> fromName = new TreeSet<>();
        for (String python : name.pythonTags()) {
            for (String abi : name.abiTags()) {
                for (String platform : name.platformTags()) {
                    fromName.add(python + "-" + abi + "-" + platform);
                }
            }
        }
        Set<String> fromWheel = new TreeSet<>(wheel.all("Tag"));
        if (!fromName.equals(fromWheel)) {
            findings.add(Finding.stricter("wheel.tags", "'" + name.fileName() + "': the file name's tags ("
                    + String.join(", ", fromName) + ") differ from the Tag lines of " + distInfo + "/WHEEL ("
                    + (fromWheel.isEmpty() ? "none" : String.join(", ", fromWheel)) + "). PyPI accepts this and "
                    + "installers go by the file name, so they would install it where it was not built for: rebuild "
                    + "it instead of renaming it."));
        }
    }

    private static void checkRecord(byte[] bytes, Contents contents, String distInfo, String fileName,
                                    List<Finding> findings) {
        String recordPath = distInfo + "/RECORD";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            findings.add(recordUnreadable(fileName, recordPath, "is not valid UTF-8"));
            return;
        }
        RecordFile record = RecordFile.parse(text);
        record.unreadableByPython().ifPresent(why -> findings.add(recordUnreadable(fileName, recordPath, why)));
        for (String problem : record.problems()) {
            findings.add(Finding.stricter("wheel.record", "'" + fileName + "': " + recordPath + " " + problem
                    + ". " + PYPI_ON_RECORD + ", but python -m installer refuses a line that is not "
                    + "path,hash,size. Rebuild the wheel with python -m build."));
        }
        for (RecordFile.Line line : record.lines().values()) {
            String path = line.path();
            if (isUnrecorded(path, distInfo) || contents.ownFinding.contains(path)) {
                continue;
            }
            Digest actual = contents.digests.get(path);
            if (actual == null) {
                if (!contents.present.contains(path)) {
                    findings.add(Finding.stricter("wheel.record-missing", "'" + fileName + "': " + recordPath
                            + " lists " + path + ", which is not in the wheel. " + PYPI_ON_RECORD + " and "
                            + "installers do not look for it, but the wheel was changed after it was built. "
                            + "Rebuild the wheel."));
                }
                continue;
            }
            String expectedHash = "sha256=" + actual.sha256();
            if (!line.hash().startsWith("sha256=")) {
                findings.add(Finding.stricter("wheel.record-hash", "'" + fileName + "': " + recordPath + " line "
                        + line.number() + " hashes " + path + " with '" + line.hash().split("=")[0]
                        + "'; wheels use sha256. " + BOTH_VERIFIERS_REFUSE + ". Rebuild the wheel."));
            } else if (!line.hash().equals(expectedHash)) {
                findings.add(Finding.stricter("wheel.record-hash", "'" + fileName + "': " + path + " does not match "
                        + "its RECORD hash (RECORD " + line.hash() + ", file " + expectedHash + "): the wheel was "
                        + "changed after it was built. " + BOTH_VERIFIERS_REFUSE + ". Rebuild it."));
            }
            if (!line.size().equals(Long.toString(actual.size()))) {
                findings.add(Finding.stricter("wheel.record-size", "'" + fileName + "': " + path + " is "
                        + actual.size() + " bytes but RECORD says " + line.size() + ". " + PYPI_ON_RECORD
                        + " and pip installs it unverified, but python -m installer --validate-record=all refuses "
                        + "it. Rebuild the wheel."));
            }
        }
        for (String member : contents.present) {
            if (!record.lines().containsKey(member) && !isUnrecorded(member, distInfo)
                    && !contents.ownFinding.contains(member)) {
                findings.add(Finding.stricter("wheel.record-unlisted", "'" + fileName + "': " + member
                        + " is not listed in " + recordPath + ", so it cannot be verified. " + BOTH_VERIFIERS_REFUSE
                        + ". Rebuild the wheel."));
            }
        }
    }

    /** utils/wheel.py lines 208-220: a RECORD Python cannot decode or parse is a missing one, which PyPI refuses. */
    private static Finding recordUnreadable(String fileName, String recordPath, String why) {
        return Finding.error("wheel.record", "'" + fileName + "': " + recordPath + " " + why + ", so PyPI "
                + "counts it as missing and refuses the file: \"Wheel '" + fileName + "' does not contain the "
                + "required RECORD file: " + recordPath + "\". Rebuild the wheel with python -m build.");
    }

    private static boolean isUnrecorded(String path, String distInfo) {
        return path.startsWith(distInfo + "/") && UNRECORDED.contains(path.substring(distInfo.length() + 1));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Digest(String sha256, long size) {
    }
}
