package io.logflux.release.check;

import io.logflux.release.dist.ArchiveLimits;
import io.logflux.release.dist.ArchivePaths;
import io.logflux.release.dist.BoundedTarReader;
import io.logflux.release.dist.QuotedNames;
import io.logflux.release.dist.SdistFilename;
import io.logflux.release.dist.TarLimitException;
import io.logflux.release.dist.TarMember;
import io.logflux.release.dist.ZipEndRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an sdist ({@code .tar.gz}) to its end: every member's name is safe, links stay inside the tree (resolved
 * through the links before them, as on disk), there are no device files or sparse members, everything sits under one
 * top directory {@code {name}-{version}/}, which holds PKG-INFO, the archive is complete (a truncated file fails here,
 * not at install time) and it is not also a zip. Reading goes through {@link BoundedTarReader}, so every name,
 * header and member is bounded before it is read.
 */
final class SdistScanner {
    private final ArchiveLimits limits;

    SdistScanner(ArchiveLimits limits) {
        this.limits = limits;
    }

    ScannedArchive scan(Path file, SdistFilename name) {
        String fileName = name.fileName();
        List<Finding> findings = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        Set<String> topDirectories = new TreeSet<>();
        SdistLinks links = new SdistLinks();
        byte[] pkgInfo = null;
        String pkgInfoPath = "";
        ArchiveBudget budget = new ArchiveBudget(limits);
        boolean readAMember = false;
        try (BoundedTarReader tar = BoundedTarReader.openTarGz(file, limits)) {
            Optional<TarMember> next;
            while ((next = tar.next()).isPresent()) {
                readAMember = true;
                TarMember entry = next.get();
                String overLimit = budget.countMember();
                if (overLimit != null) {
                    findings.add(limitFinding(fileName, overLimit));
                    break;
                }
                String member = normalized(entry.name());
                if (member.isEmpty()) {
                    continue;
                }
                Optional<String> unsafe = ArchivePaths.unsafeBecause(member);
                if (unsafe.isPresent()) {
                    findings.add(Finding.error("archive.unsafe-path", "'" + fileName + "': member " + quote(member)
                            + " would be unpacked outside the project directory (" + unsafe.get()
                            + "). Rebuild the sdist with python -m build."));
                    continue;
                }
                topDirectories.add(member.split("/")[0]);
                int slash = member.lastIndexOf('/');
                if (slash > 0 && links.escapes(member.substring(0, slash))) {
                    findings.add(Finding.error("archive.link", "'" + fileName + "': member " + quote(member)
                            + " is unpacked through a link to outside the sdist's tree. Remove the link and rebuild"
                            + " the sdist."));
                    continue;
                }
                if (entry.type() == TarMember.Type.SYMLINK || entry.type() == TarMember.Type.HARDLINK) {
                    checkLink(fileName, member, entry, links, findings);
                    continue;
                }
                if (entry.type() == TarMember.Type.DEVICE || entry.type() == TarMember.Type.FIFO) {
                    findings.add(Finding.error("archive.special-file", "'" + fileName + "': member " + quote(member)
                            + " is a device or FIFO; an sdist holds files and directories only. Rebuild it."));
                    continue;
                }
                if (entry.type() == TarMember.Type.SPARSE) {
                    findings.add(Finding.error("archive.sparse", "'" + fileName + "': member " + quote(member)
                            + " is a sparse file, which PyPI refuses. Rebuild the sdist with python -m build."));
                    continue;
                }
                if (entry.type() != TarMember.Type.FILE) {
                    continue;
                }
                files.add(member);
                if (pkgInfo == null && member.split("/").length == 2 && member.endsWith("/PKG-INFO")) {
                    if (entry.size() > limits.maxMetadataBytes()) {
                        findings.add(limitFinding(fileName, member + " is larger than " + limits.maxMetadataBytes()
                                + " bytes"));
                        break;
                    }
                    try (InputStream content = tar.content()) {
                        pkgInfo = content.readAllBytes();
                    }
                    pkgInfoPath = member;
                }
            }
        } catch (TarLimitException e) {
            findings.add(limitFinding(fileName, e.getMessage()));
        } catch (IOException | IllegalArgumentException e) {
            findings.add(Finding.error("archive.corrupt", "'" + fileName + "' is not a valid sdist (.tar.gz): "
                    + e.getMessage() + ". It may be truncated; rebuild it with python -m build."));
            return new ScannedArchive(Optional.empty(), "", files, "", findings);
        }
        if (readAMember) {
            checkNotAZip(file, fileName, findings);
        }
        String expectedTop = name.distributionName() + "-" + name.versionText();
        if (topDirectories.size() != 1 || !topDirectories.contains(expectedTop)) {
            findings.add(Finding.error("sdist.layout", "'" + fileName + "' must hold a single top directory "
                    + expectedTop + "/, but holds " + (topDirectories.isEmpty() ? "nothing"
                    : shortList(topDirectories)) + ". Rebuild it with python -m build."));
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

    private static String normalized(String name) {
        String member = name.startsWith("./") ? name.substring(2) : name;
        return member.endsWith("/") ? member.substring(0, member.length() - 1) : member;
    }

    private static void checkLink(String fileName, String member, TarMember entry, SdistLinks links,
                                  List<Finding> findings) {
        String target = entry.linkName();
        boolean escapes;
        if (entry.type() == TarMember.Type.HARDLINK) {
            escapes = links.escapes(target.startsWith("./") ? target.substring(2) : target);
        } else {
            escapes = links.symlinkEscapes(member, target);
            links.add(member, target);
        }
        if (escapes) {
            findings.add(Finding.error("archive.link", "'" + fileName + "': member " + quote(member) + " links to "
                    + quote(target) + ", outside the sdist's tree. Remove the link and rebuild the sdist."));
        }
    }

    /** PyPI's {@code _is_valid_dist_file} (warehouse/forklift/legacy.py): "File is both a zip and a tar file". */
    private static void checkNotAZip(Path file, String fileName, List<Finding> findings) {
        try {
            if (ZipEndRecord.isPresent(file)) {
                findings.add(Finding.error("archive.polyglot", "'" + fileName + "' is both a zip and a tar file, "
                        + "which PyPI refuses (a zip's end record sits in its last 64 KiB). Rebuild it with "
                        + "python -m build."));
            }
        } catch (IOException e) {
            findings.add(Finding.error("archive.corrupt", "'" + fileName + "' could not be read to its end: "
                    + e.getMessage() + ". Rebuild it with python -m build."));
        }
    }

    private static Finding limitFinding(String fileName, String reason) {
        return Finding.error("archive.limits", "'" + fileName + "': " + reason + ". Rebuild it with python -m build.");
    }

    private static String quote(String member) {
        return QuotedNames.quote(member);
    }

    /** The top directories, at most ten of them, each cut short. */
    private static String shortList(Set<String> topDirectories) {
        List<String> shown = new ArrayList<>();
        for (String top : topDirectories) {
            if (shown.size() == 10) {
                shown.add("… (" + topDirectories.size() + " in all)");
                break;
            }
            String quoted = QuotedNames.quote(top);
            shown.add(quoted.substring(1, quoted.length() - 1));
        }
        return String.join(", ", shown);
    }
}
