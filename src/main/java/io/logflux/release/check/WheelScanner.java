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
import io.logflux.release.version.Pep440Version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * bounds and matches its RECORD line (sha256 and size), and the single {@code .dist-info} directory holds METADATA,
 * WHEEL and RECORD, with WHEEL's tags equal to the file name's.
 */
final class WheelScanner {
    private static final Set<String> UNRECORDED = Set.of("RECORD", "RECORD.jws", "RECORD.p7s");

    private final ArchiveLimits limits;
    /** One buffer for every member: a scanner reads one archive, members one after another. */
    private final byte[] buffer = new byte[1 << 16];

    WheelScanner(ArchiveLimits limits) {
        this.limits = limits;
    }

    ScannedArchive scan(Path file, WheelFilename name) {
        String fileName = name.fileName();
        List<Finding> findings = new ArrayList<>();
        Map<String, Digest> digests = new LinkedHashMap<>();
        Map<String, byte[]> kept = new LinkedHashMap<>();
        Set<String> distInfoDirs = new TreeSet<>();
        try (ZipLayout zip = ZipLayout.open(file, "wheel", limits)) {
            ArchiveBudget budget = new ArchiveBudget(limits);
            for (ZipMember entry : zip.members()) {
                String member = entry.name();
                Optional<String> unsafe = ArchivePaths.unsafeBecause(member);
                if (unsafe.isPresent()) {
                    findings.add(Finding.error("archive.unsafe-path", "'" + fileName + "': member '" + member
                            + "' would be unpacked outside the install directory (" + unsafe.get()
                            + "). Rebuild the wheel with python -m build."));
                    continue;
                }
                if (entry.isSymlink()) {
                    findings.add(Finding.error("archive.link", "'" + fileName + "': member '" + member + "' is a "
                            + "symbolic link; wheels hold regular files only. Rebuild without the link."));
                    continue;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.isStoredOrDeflated()) {
                    findings.add(Finding.error("wheel.compression", "'" + fileName + "': member '" + member
                            + "' uses zip compression method " + entry.method() + "; PyPI accepts only stored "
                            + "and deflated members. Rebuild the wheel with python -m build."));
                    continue;
                }
                String[] segments = member.split("/");
                if (segments.length > 1 && segments[0].endsWith(".dist-info")) {
                    distInfoDirs.add(segments[0]);
                }
                boolean keep = segments.length == 2 && segments[0].endsWith(".dist-info")
                        && List.of("METADATA", "WHEEL", "RECORD").contains(segments[1]);
                String stop = read(zip, entry, budget, digests, kept, keep);
                if (stop != null) {
                    findings.add(Finding.error("archive.limits", "'" + fileName + "': " + stop
                            + ". Rebuild it with python -m build."));
                    return result(findings, digests, kept, distInfoDirs, name);
                }
            }
        } catch (InvalidZipException e) {
            findings.add(Finding.error(e.rule(), e.getMessage()));
            return new ScannedArchive(Optional.empty(), "", Set.of(), "", findings);
        } catch (IOException e) {
            findings.add(Finding.error("archive.corrupt", "'" + fileName + "' is not a valid wheel (zip): "
                    + e.getMessage() + ". It may be truncated; rebuild it with python -m build."));
            return new ScannedArchive(Optional.empty(), "", Set.of(), "", findings);
        }
        return result(findings, digests, kept, distInfoDirs, name);
    }

    private String read(ZipLayout zip, ZipMember entry, ArchiveBudget budget, Map<String, Digest> digests,
                        Map<String, byte[]> kept, boolean keep) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        java.io.ByteArrayOutputStream copy = keep ? new java.io.ByteArrayOutputStream() : null;
        try (InputStream in = zip.read(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                sha256.update(buffer, 0, n);
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
        digests.put(entry.name(), new Digest(
                Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest()), size));
        if (copy != null) {
            kept.put(entry.name(), copy.toByteArray());
        }
        return null;
    }

    private ScannedArchive result(List<Finding> findings, Map<String, Digest> digests, Map<String, byte[]> kept,
                                  Set<String> distInfoDirs, WheelFilename name) {
        String fileName = name.fileName();
        if (distInfoDirs.size() != 1) {
            findings.add(Finding.error("wheel.dist-info", "'" + fileName + "' " + (distInfoDirs.isEmpty()
                    ? "has no .dist-info directory" : "has " + distInfoDirs.size() + " .dist-info directories ("
                    + String.join(", ", distInfoDirs) + ")") + "; a wheel has exactly one. Rebuild it from a clean "
                    + "tree: rm -rf build dist && python -m build."));
            return new ScannedArchive(Optional.empty(), "", digests.keySet(), "", findings);
        }
        String distInfo = distInfoDirs.iterator().next();
        checkDistInfoName(distInfo, name, findings);
        String metadataPath = distInfo + "/METADATA";
        for (String required : List.of("METADATA", "WHEEL", "RECORD")) {
            if (!kept.containsKey(distInfo + "/" + required)) {
                findings.add(Finding.error("wheel.dist-info", "'" + fileName + "' has no " + distInfo + "/"
                        + required + "; every wheel has METADATA, WHEEL and RECORD. Rebuild it with python -m build."));
            }
        }
        byte[] wheel = kept.get(distInfo + "/WHEEL");
        if (wheel != null) {
            checkWheelTags(new String(wheel, StandardCharsets.UTF_8), name, distInfo, findings);
        }
        byte[] record = kept.get(distInfo + "/RECORD");
        if (record != null) {
            checkRecord(RecordFile.parse(new String(record, StandardCharsets.UTF_8)), digests, distInfo, fileName,
                    findings);
        }
        byte[] metadata = kept.get(metadataPath);
        Optional<String> text = metadata == null ? Optional.empty()
                : Optional.of(MetadataBytes.decode(metadata, fileName, metadataPath, findings));
        return new ScannedArchive(text, metadataPath, new LinkedHashSet<>(digests.keySet()), distInfo + "/licenses/",
                findings);
    }

    private static void checkDistInfoName(String distInfo, WheelFilename name, List<Finding> findings) {
        String stem = distInfo.substring(0, distInfo.length() - ".dist-info".length());
        int dash = stem.lastIndexOf('-');
        boolean nameMatches = dash > 0 && ProjectName.normalize(stem.substring(0, dash))
                .equals(ProjectName.normalize(name.distributionName()));
        boolean versionMatches = dash > 0 && Pep440Version.tryParse(stem.substring(dash + 1))
                .equals(Pep440Version.tryParse(name.versionText())) && Pep440Version.isValid(name.versionText());
        if (!nameMatches || !versionMatches) {
            findings.add(Finding.error("wheel.dist-info", "'" + name.fileName() + "': its metadata directory "
                    + distInfo + " does not match the file name (" + name.distributionName() + " "
                    + name.versionText() + "). The file was renamed; rebuild it instead."));
        }
    }

    private static void checkWheelTags(String wheelText, WheelFilename name, String distInfo, List<Finding> findings) {
        CoreMetadata wheel;
        try {
            wheel = CoreMetadata.parse(wheelText);
        } catch (InvalidDistributionException e) {
            findings.add(Finding.error("wheel.wheel-file", "'" + name.fileName() + "': " + distInfo
                    + "/WHEEL is not 'Key: value' lines. Rebuild the wheel."));
            return;
        }
        Optional<String> version = wheel.first("Wheel-Version");
        if (version.isEmpty() || !version.get().matches("1\\.\\d+")) {
            findings.add(Finding.error("wheel.wheel-file", "'" + name.fileName() + "': " + distInfo
                    + "/WHEEL has Wheel-Version " + version.orElse("(none)") + "; installers support 1.x. Rebuild the wheel."));
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
            findings.add(Finding.error("wheel.tags", "'" + name.fileName() + "': the file name's tags ("
                    + String.join(", ", fromName) + ") differ from the Tag lines of " + distInfo + "/WHEEL ("
                    + (fromWheel.isEmpty() ? "none" : String.join(", ", fromWheel)) + "). Installers would pick "
                    + "the wrong wheel: rebuild it instead of renaming it."));
        }
    }

    private static void checkRecord(RecordFile record, Map<String, Digest> digests, String distInfo, String fileName,
                                    List<Finding> findings) {
        String recordPath = distInfo + "/RECORD";
        for (String problem : record.problems()) {
            findings.add(Finding.error("wheel.record", "'" + fileName + "': " + recordPath + " " + problem
                    + ". Rebuild the wheel with python -m build."));
        }
        for (RecordFile.Line line : record.lines().values()) {
            String path = line.path();
            if (isUnrecorded(path, distInfo)) {
                continue;
            }
            Digest actual = digests.get(path);
            if (actual == null) {
                findings.add(Finding.error("wheel.record-missing", "'" + fileName + "': " + recordPath + " lists "
                        + path + ", which is not in the wheel. Rebuild the wheel."));
                continue;
            }
            String expectedHash = "sha256=" + actual.sha256();
            if (!line.hash().startsWith("sha256=")) {
                findings.add(Finding.error("wheel.record-hash", "'" + fileName + "': " + recordPath + " line "
                        + line.number() + " hashes " + path + " with '" + line.hash().split("=")[0]
                        + "'; wheels use sha256. Rebuild the wheel."));
            } else if (!line.hash().equals(expectedHash)) {
                findings.add(Finding.error("wheel.record-hash", "'" + fileName + "': " + path + " does not match "
                        + "its RECORD hash (RECORD " + line.hash() + ", file " + expectedHash + "): the wheel was "
                        + "changed after it was built. Rebuild it."));
            }
            if (!line.size().equals(Long.toString(actual.size()))) {
                findings.add(Finding.error("wheel.record-size", "'" + fileName + "': " + path + " is "
                        + actual.size() + " bytes but RECORD says " + line.size() + ". Rebuild the wheel."));
            }
        }
        for (String member : digests.keySet()) {
            if (!record.lines().containsKey(member) && !isUnrecorded(member, distInfo)) {
                findings.add(Finding.error("wheel.record-unlisted", "'" + fileName + "': " + member
                        + " is not listed in " + recordPath + ", so installers cannot verify or uninstall it. "
                        + "Rebuild the wheel."));
            }
        }
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
