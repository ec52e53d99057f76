package io.logflux.release.check;

import io.logflux.release.dist.SdistFilename;
import io.logflux.release.files.FileName;
import io.logflux.release.project.ProjectName;
import io.logflux.release.version.Pep440Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks across the files of one upload: each file once, one project, one version, at most one sdist. */
final class BatchRules {
    private BatchRules() {
    }

    static List<Finding> check(List<DistributionChecker.CheckedFile> files) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<String, List<String>> byVersion = new LinkedHashMap<>();
        Map<String, List<String>> byFileName = new LinkedHashMap<>();
        List<String> sdists = new ArrayList<>();
        for (DistributionChecker.CheckedFile file : files) {
            String fileName = FileName.of(file.file());
            byFileName.computeIfAbsent(fileName, k -> new ArrayList<>()).add(file.file().toString());
            file.metadata().name().ifPresent(n -> byName.computeIfAbsent(ProjectName.normalize(n),
                    k -> new ArrayList<>()).add(fileName));
            file.metadata().version().ifPresent(v -> byVersion.computeIfAbsent(
                    Pep440Version.tryParse(v).map(Pep440Version::normalized).orElse(v),
                    k -> new ArrayList<>()).add(fileName));
            if (file.name() instanceof SdistFilename) {
                sdists.add(fileName);
            }
        }
        byFileName.forEach((fileName, paths) -> {
            if (paths.size() > 1) {
                findings.add(Finding.stricter("batch.duplicates", fileName + " is given " + paths.size() + " times ("
                        + String.join(", ", paths) + "). Give each file once: an index keeps one file per name, so "
                        + "the second would be refused after the first was uploaded."));
            }
        });
        if (byName.size() > 1) {
            findings.add(Finding.stricter("batch.names", "The files are of more than one project: " + describe(byName)
                    + ". Upload one project at a time."));
        }
        if (byName.size() <= 1 && byVersion.size() > 1) {
            findings.add(Finding.stricter("batch.versions", "The files are of more than one version: "
                    + describe(byVersion) + ". dist/ holds files of an earlier build: delete them and rebuild "
                    + "(rm -rf dist && python -m build)."));
        }
        if (sdists.size() > 1) {
            findings.add(Finding.error("batch.sdists", "There is more than one sdist (" + String.join(", ", sdists)
                    + "); PyPI accepts one sdist per release. Keep the one python -m build wrote."));
        }
        return findings;
    }

    private static String describe(Map<String, List<String>> groups) {
        List<String> parts = new ArrayList<>();
        groups.forEach((key, fileNames) -> parts.add(key + " (" + String.join(", ", fileNames) + ")"));
        return String.join("; ", parts);
    }
}
