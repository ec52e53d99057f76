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
 * through the links before them, as on disk), there are no device files or sparse members, no Python member holds
 * encrypted code, everything sits under one top directory {@code {name}-{version}/}, which holds PKG-INFO, the
 * archive is complete (a truncated file fails here, not at install time) and it is not also a zip. Reading goes
 * through {@link BoundedTarReader}, so every name, header and member is bounded before it is read.
 *
 * <p>PyPI's own layout rule is looser (pypi/warehouse 6b62157, {@code warehouse/forklift/legacy.py} lines 420-458):
 * the members' common path ({@code os.path.commonpath} of {@code tar.getnames()}) must not be empty, and
 * {@code <common path>/PKG-INFO} must be a member, by that exact name. The top directory's name is not compared with
 * the file name, and links, devices and unsafe paths are not looked at: those findings say that PyPI accepts them.
 */
final class SdistScanner {
    /** What unpackers do with a member PyPI does not look at: tarfile's "data" filter refuses it. */
    private static final String DATA_FILTER = "PyPI accepts this, but Python's tarfile \"data\" filter (the "
            + "default from Python 3.14, used by pip since 24.1) refuses to unpack it.";

    private final ArchiveLimits limits;

    SdistScanner(ArchiveLimits limits) {
        this.limits = limits;
    }

    ScannedArchive scan(Path file, SdistFilename name) {
        String fileName = name.fileName();
        List<Finding> findings = new ArrayList<>();
        Set<String> topDirectories = new TreeSet<>();
        PythonTarNames pythonNames = new PythonTarNames();
        SdistLinks links = new SdistLinks();
        byte[] pkgInfo = null;
        String pkgInfoPath = "";
        boolean obfuscationFound = false;
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
                pythonNames.add(entry);
                String member = normalized(entry.name());
                if (member.isEmpty()) {
                    continue;
                }
                Optional<String> unsafe = ArchivePaths.unsafeBecause(member);
                if (unsafe.isPresent()) {
                    findings.add(Finding.stricter("archive.unsafe-path", "'" + fileName + "': member "
                            + quote(member) + " would be unpacked outside the project directory (" + unsafe.get()
                            + "). " + DATA_FILTER + " Rebuild the sdist with python -m build."));
                    continue;
                }
                topDirectories.add(member.split("/")[0]);
                int slash = member.lastIndexOf('/');
                if (slash > 0 && links.escapes(member.substring(0, slash))) {
                    findings.add(Finding.stricter("archive.link", "'" + fileName + "': member " + quote(member)
                            + " is unpacked through a link to outside the sdist's tree. " + DATA_FILTER
                            + " Remove the link and rebuild the sdist."));
                    continue;
                }
                if (entry.type() == TarMember.Type.SYMLINK || entry.type() == TarMember.Type.HARDLINK) {
                    checkLink(fileName, member, entry, links, findings);
                    continue;
                }
                if (entry.type() == TarMember.Type.DEVICE || entry.type() == TarMember.Type.FIFO) {
                    findings.add(Finding.stricter("archive.special-file", "'" + fileName + "': member "
                            + quote(member) + " is a device or FIFO; an sdist holds files and directories only. "
                            + DATA_FILTER + " Rebuild it."));
                    continue;
                }
                if (entry.type() == TarMember.Type.SPARSE) {
                    // legacy.py lines 435-447
                    findings.add(Finding.error("archive.sparse", "'" + fileName + "': member " + quote(member)
                            + " is a sparse file, which PyPI refuses (\"tar archive not accepted: Sparse members "
                            + "are not allowed\"). Rebuild the sdist with python -m build."));
                    continue;
                }
                if (entry.type() != TarMember.Type.FILE) {
                    continue;
                }
                boolean isPkgInfo = pkgInfo == null && member.split("/").length == 2 && member.endsWith("/PKG-INFO");
                if (isPkgInfo) {
                    if (entry.size() > limits.maxMetadataBytes()) {
                        findings.add(limitFinding(fileName, member + " is larger than " + limits.maxMetadataBytes()
                                + " bytes"));
                        break;
                    }
                    try (InputStream content = tar.content()) {
                        pkgInfo = content.readAllBytes();
                    }
                    pkgInfoPath = member;
                } else if (!obfuscationFound && ObfuscationScan.scans(entry.name(), entry.size())) {
                    obfuscationFound = scanForObfuscation(tar, fileName, entry, findings);
                }
            }
        } catch (TarLimitException e) {
            findings.add(limitFinding(fileName, e.getMessage()));
        } catch (IOException | IllegalArgumentException e) {
            findings.add(Finding.error("archive.corrupt", "'" + fileName + "' is not a valid sdist (.tar.gz): "
                    + e.getMessage() + ". It may be truncated; rebuild it with python -m build."));
            return new ScannedArchive(Optional.empty(), "", pythonNames.names(), "", findings);
        }
        if (readAMember) {
            checkNotAZip(file, fileName, findings);
        }
        String expectedTop = name.distributionName() + "-" + name.versionText();
        String held = topDirectories.isEmpty() ? "nothing" : shortList(topDirectories);
        Optional<String> pypiLayout = pythonNames.commonPath().isEmpty() ? Optional.empty()
                : Optional.of(pythonNames.commonPath());
        if (pypiLayout.isEmpty()) {
            findings.add(Finding.error("sdist.layout", "'" + fileName + "' must hold a single top directory "
                    + expectedTop + "/, but holds " + held + (pythonNames.hasDotMember() ? " and a member named '.'"
                    : "") + "; its members share no directory, so PyPI refuses it: \"Incorrect number of "
                    + "top-level directories in sdist\". Rebuild it with python -m build."));
        } else if (!pythonNames.names().contains(pypiLayout.get() + "/PKG-INFO")) {
            String target = pypiLayout.get() + "/PKG-INFO";
            findings.add(Finding.error("sdist.pkg-info", "'" + fileName + "' has no member named "
                    + quote(target) + (target.equals(expectedTop + "/PKG-INFO") ? "" : " (PyPI looks for PKG-INFO "
                    + "in the members' common directory, by its exact name)") + ", so PyPI refuses it: \"PKG-INFO "
                    + "not found at " + target + "\". Rebuild it with python -m build."));
        } else {
            if (!pypiLayout.get().equals(expectedTop)) {
                findings.add(Finding.stricter("sdist.layout", "'" + fileName + "' must hold a single top "
                        + "directory " + expectedTop + "/, but holds " + quote(pypiLayout.get()) + "/. PyPI accepts "
                        + "this and pip unpacks any single top directory, but the source distribution format names "
                        + "it {name}-{version}/, and tools that look for it by that name fail. Rebuild it with "
                        + "python -m build."));
            }
            if (pkgInfo == null) {
                findings.add(Finding.stricter("sdist.pkg-info", "'" + fileName + "' has no " + expectedTop
                        + "/PKG-INFO that is a regular file, so its metadata cannot be read. PyPI accepts this "
                        + "(it finds " + pypiLayout.get() + "/PKG-INFO and reads the metadata from the upload "
                        + "form), but installers and tools that read PKG-INFO fail. Rebuild it with python -m build."));
            }
        }
        // License-File paths are looked up under the common directory, by exact member name (lines 1397-1420)
        String licenseRoot = pypiLayout.map(top -> top + "/").orElse(expectedTop + "/");
        if (pkgInfo == null) {
            return new ScannedArchive(Optional.empty(), "", pythonNames.names(), licenseRoot, findings);
        }
        String metadata = MetadataBytes.decode(pkgInfo, fileName, pkgInfoPath, findings);
        return new ScannedArchive(Optional.of(metadata), pkgInfoPath, pythonNames.names(), licenseRoot, findings);
    }

    /** Reads one member through the obfuscation scan; true when it matched (PyPI stops at the first match). */
    private static boolean scanForObfuscation(BoundedTarReader tar, String fileName, TarMember entry,
                                              List<Finding> findings) throws IOException {
        ObfuscationScan.Matcher matcher = new ObfuscationScan.Matcher();
        byte[] buffer = new byte[1 << 16];
        try (InputStream content = tar.content()) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                matcher.update(buffer, 0, n);
            }
        }
        Optional<ObfuscationScan.Rule> rule = matcher.match();
        rule.ifPresent(r -> findings.add(ObfuscationScan.finding(fileName, entry.name(), r, matcher)));
        return rule.isPresent();
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
            findings.add(Finding.stricter("archive.link", "'" + fileName + "': member " + quote(member)
                    + " links to " + quote(target) + ", outside the sdist's tree. " + DATA_FILTER
                    + " Remove the link and rebuild the sdist."));
        }
    }

    /** PyPI's {@code _is_valid_dist_file} (forklift/legacy.py lines 315-319): "File is both a zip and a tar file". */
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
        return Finding.stricter("archive.limits", "'" + fileName + "': " + reason
                + ". Rebuild it with python -m build.");
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
