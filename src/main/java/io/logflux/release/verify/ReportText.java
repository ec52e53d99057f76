package io.logflux.release.verify;

import io.logflux.release.project.SourceKind;
import io.logflux.release.verify.SourceCheck.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Renders a {@link VerifyVersionReport} for a build log or a terminal. */
final class ReportText {
    private ReportText() {
    }

    static String headline(VerifyVersionReport report) {
        String expected = report.normalizedVersion();
        Optional<SourceCheck> firstBad = report.checks().stream().filter(c -> c.status() != Status.MATCH).findFirst();
        if (firstBad.isPresent()) {
            return "Package version (" + firstBad.get().shownVersion() + ") doesn't match release tag ("
                    + expected + ")";
        }
        if (!report.nameProblems().isEmpty()) {
            return "Files of another package are among the files to release (release tag " + expected + ")";
        }
        return "Package version " + expected + " matches release tag " + report.tag().raw();
    }

    static String render(VerifyVersionReport report) {
        StringBuilder out = new StringBuilder(headline(report)).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"release tag", report.tag().raw(), report.normalizedVersion(), ""});
        for (SourceCheck check : report.checks()) {
            rows.add(new String[] {check.shownFile(), check.source().location() + " " + quoted(check),
                    check.shownVersion(), label(check.status())});
        }
        appendTable(out, rows);
        for (String note : report.notes()) {
            out.append("  note: ").append(note).append('\n');
        }
        List<String> advice = advice(report);
        if (!advice.isEmpty()) {
            out.append("What to do:\n");
            advice.forEach(line -> out.append("  - ").append(line).append('\n'));
        }
        return out.toString();
    }

    static List<String> advice(VerifyVersionReport report) {
        List<String> advice = new ArrayList<>();
        String expected = report.normalizedVersion();
        String tagPrefix = report.tag().withoutRefPrefix().matches("^[vV].*") ? "v" : "";

        for (SourceCheck check : report.checks()) {
            if (check.status() == Status.INVALID) {
                advice.add("'" + check.source().versionText() + "' in " + check.shownFile() + " (" + check.source().location()
                        + ") is not a valid version: " + check.invalidWhy().orElse("")
                        + " Use a PEP 440 version such as 0.2.0, 1.0.0b1 or 1.0.0rc1.");
            }
        }

        List<SourceCheck> projectBad = report.checks().stream()
                .filter(c -> !c.source().kind().isBuiltFile() && c.status() == Status.MISMATCH).toList();
        Set<String> projectVersions = new LinkedHashSet<>();
        report.checks().stream().filter(c -> !c.source().kind().isBuiltFile() && c.status() != Status.INVALID)
                .forEach(c -> projectVersions.add(c.shownVersion()));
        if (projectVersions.size() > 1) {
            StringBuilder line = new StringBuilder("The project states more than one version:");
            report.checks().stream().filter(c -> !c.source().kind().isBuiltFile())
                    .forEach(c -> line.append(' ').append(c.shownFile()).append(" says ").append(c.shownVersion()).append(';'));
            line.setLength(line.length() - 1);
            advice.add(line + ". Make them equal, or keep the version in one place and make the others dynamic.");
        }
        if (!projectBad.isEmpty()) {
            SourceCheck primary = projectBad.get(0);
            advice.add("To release " + expected + ": set the version to " + expected + " in "
                    + files(projectBad) + hint(primary, expected)
                    + ", rebuild (rm -rf dist && python -m build) and run again.");
            if (projectVersions.size() == 1) {
                String stated = projectVersions.iterator().next();
                String asWritten = primary.source().versionText().strip().replaceFirst("^[vV]", "");
                advice.add("To release " + stated + ": the tag is wrong. Tag the release " + tagPrefix + asWritten
                        + " and delete the tag " + report.tag().withoutRefPrefix() + " (git push --delete origin "
                        + report.tag().withoutRefPrefix() + ").");
            }
        }

        Map<String, List<SourceCheck>> byBuiltFile = new LinkedHashMap<>();
        report.checks().stream().filter(c -> c.source().kind().isBuiltFile())
                .forEach(c -> byBuiltFile.computeIfAbsent(c.shownFile(), k -> new ArrayList<>()).add(c));
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, List<SourceCheck>> file : byBuiltFile.entrySet()) {
            Set<String> versions = new LinkedHashSet<>();
            file.getValue().forEach(c -> versions.add(c.shownVersion()));
            if (versions.size() > 1) {
                advice.add(file.getKey() + ": its file name says " + version(file.getValue(), SourceKind.DIST_FILENAME)
                        + " but its metadata says " + version(file.getValue(), SourceKind.DIST_METADATA)
                        + ". The file was renamed or is damaged: rebuild it (python -m build).");
            } else if (file.getValue().stream().anyMatch(c -> c.status() != Status.MATCH)) {
                stale.add(file.getKey() + " (" + versions.iterator().next() + ")");
            }
        }
        if (!stale.isEmpty() && projectBad.isEmpty()) {
            advice.add("These built files are of another version: " + String.join(", ", stale)
                    + ". Delete them and rebuild: rm -rf dist && python -m build.");
        }
        advice.addAll(report.nameProblems());
        return advice;
    }

    private static String version(List<SourceCheck> checks, SourceKind kind) {
        return checks.stream().filter(c -> c.source().kind() == kind).map(SourceCheck::shownVersion)
                .findFirst().orElse("?");
    }

    private static String files(List<SourceCheck> checks) {
        Set<String> files = new LinkedHashSet<>();
        checks.forEach(c -> files.add(c.shownFile()));
        return String.join(" and ", files);
    }

    private static String hint(SourceCheck check, String expected) {
        String location = check.source().location();
        if (check.source().kind() == SourceKind.VERSION_FILE && location.contains(": ")) {
            String variable = location.substring(location.indexOf(": ") + 2);
            return " (" + variable + " = \"" + expected + "\")";
        }
        if (check.source().kind() == SourceKind.PYPROJECT) {
            return " (version = \"" + expected + "\" under " + location.replace(".version", "") + ")";
        }
        return "";
    }

    private static String quoted(SourceCheck check) {
        return "\"" + check.source().versionText() + "\"";
    }

    private static String label(Status status) {
        return switch (status) {
            case MATCH -> "ok";
            case MISMATCH -> "MISMATCH";
            case INVALID -> "INVALID";
        };
    }

    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
