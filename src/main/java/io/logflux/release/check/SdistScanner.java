package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.dist.ArchivePaths;
import io.logflux.release.dist.SdistFilename;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an sdist ({@code .tar.gz}) to its end: every member's name is safe, links stay inside the tree, there are no
 * device files or sparse members, everything sits under one top directory {@code {name}-{version}/}, which holds
 * PKG-INFO, and the archive is complete (a truncated file fails here, not at install time).
 */
final class SdistScanner {
    private final ArchiveLimits limits;
    /** One buffer for every member: a scanner reads one archive, members one after another. */
    private final byte[] buffer = new byte[1 << 16];

    SdistScanner(ArchiveLimits limits) {
        this.limits = limits;
    }

    ScannedArchive scan(Path file, SdistFilename name) {
        String fileName = name.fileName();
        List<Finding> findings = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        Set<String> topDirectories = new TreeSet<>();
        byte[] pkgInfo = null;
        String pkgInfoPath = "";
        ArchiveBudget budget = new ArchiveBudget(limits);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw, true);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip, StandardCharsets.UTF_8.name())) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String overLimit = budget.countMember();
                if (overLimit != null) {
                    findings.add(Finding.error("archive.limits", "'" + fileName + "': " + overLimit
                            + ". Rebuild it with python -m build."));
                    break;
                }
                String member = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                member = member.endsWith("/") ? member.substring(0, member.length() - 1) : member;
                if (member.isEmpty()) {
                    continue;
                }
                Optional<String> unsafe = ArchivePaths.unsafeBecause(member);
                if (unsafe.isPresent()) {
                    findings.add(Finding.error("archive.unsafe-path", "'" + fileName + "': member '" + member
                            + "' would be unpacked outside the project directory (" + unsafe.get()
                            + "). Rebuild the sdist with python -m build."));
                    continue;
                }
                topDirectories.add(member.split("/")[0]);
                if (entry.isSymbolicLink() || entry.isLink()) {
                    checkLink(fileName, member, entry, findings);
                    continue;
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    findings.add(Finding.error("archive.special-file", "'" + fileName + "': member '" + member
                            + "' is a device or FIFO; an sdist holds files and directories only. Rebuild it."));
                    continue;
                }
                if (entry.isSparse()) {
                    findings.add(Finding.error("archive.sparse", "'" + fileName + "': member '" + member
                            + "' is a sparse file, which PyPI refuses. Rebuild the sdist with python -m build."));
                    continue;
                }
                if (!entry.isFile()) {
                    continue;
                }
                files.add(member);
                boolean isPkgInfo = member.split("/").length == 2 && member.endsWith("/PKG-INFO");
                ReadResult read = drain(tar, entry, budget, isPkgInfo);
                if (read.stop() != null) {
                    findings.add(Finding.error("archive.limits", "'" + fileName + "': " + read.stop()
                            + ". Rebuild it with python -m build."));
                    break;
                }
                if (isPkgInfo && pkgInfo == null) {
                    pkgInfo = read.bytes();
                    pkgInfoPath = member;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            findings.add(Finding.error("archive.corrupt", "'" + fileName + "' is not a valid sdist (.tar.gz): "
                    + e.getMessage() + ". It may be truncated; rebuild it with python -m build."));
            return new ScannedArchive(Optional.empty(), "", files, "", findings);
        }
        String expectedTop = name.distributionName() + "-" + name.versionText();
        if (topDirectories.size() != 1 || !topDirectories.contains(expectedTop)) {
            findings.add(Finding.error("sdist.layout", "'" + fileName + "' must hold a single top directory "
                    + expectedTop + "/, but holds " + (topDirectories.isEmpty() ? "nothing"
                    : String.join(", ", topDirectories)) + ". Rebuild it with python -m build."));
        }
        if (pkgInfo == null) {
            findings.add(Finding.error("sdist.pkg-info", "'" + fileName + "' has no " + expectedTop + "/PKG-INFO, "
                    + "so it is not a valid sdist. Rebuild it with python -m build."));
            return new ScannedArchive(Optional.empty(), "", files, expectedTop + "/", findings);
        }
        String metadata = MetadataBytes.decode(pkgInfo, fileName, pkgInfoPath, findings);
        return new ScannedArchive(Optional.of(metadata), pkgInfoPath, files,
                pkgInfoPath.substring(0, pkgInfoPath.indexOf('/') + 1), findings);
    }

    private static void checkLink(String fileName, String member, TarArchiveEntry entry, List<Finding> findings) {
        String target = entry.getLinkName();
        String resolved;
        if (entry.isLink()) {
            resolved = target.startsWith("./") ? target.substring(2) : target;
        } else {
            int slash = member.lastIndexOf('/');
            resolved = (slash < 0 ? "" : member.substring(0, slash + 1)) + target;
        }
        if (target.startsWith("/") || escapes(resolved)) {
            findings.add(Finding.error("archive.link", "'" + fileName + "': member '" + member + "' links to '"
                    + target + "', outside the sdist's tree. Remove the link and rebuild the sdist."));
        }
    }

    /** Whether a relative path climbs above the archive root once '.' and '..' are resolved. */
    private static boolean escapes(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private ReadResult drain(TarArchiveInputStream tar, TarArchiveEntry entry, ArchiveBudget budget, boolean keep)
            throws IOException {
        ByteArrayOutputStream copy = keep ? new ByteArrayOutputStream() : null;
        long size = 0;
        int n;
        while ((n = tar.read(buffer)) > 0) {
            size += n;
            if (copy != null) {
                if (size > limits.maxMetadataBytes()) {
                    return new ReadResult(null, entry.getName() + " is larger than " + limits.maxMetadataBytes()
                            + " bytes");
                }
                copy.write(buffer, 0, n);
            }
            String stop = budget.countBytes(n, size, 0);
            if (stop != null) {
                return new ReadResult(null, stop);
            }
        }
        return new ReadResult(copy == null ? null : copy.toByteArray(), null);
    }

    private record ReadResult(byte[] bytes, String stop) {
    }
}
