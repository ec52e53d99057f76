package io.logflux.release.check;

/** Renders a {@link CheckReport} as twine check does: {@code Checking <file>: PASSED}, then one line per finding. */
final class CheckReportText {
    private CheckReportText() {
    }

    static String render(CheckReport report, boolean strict) {
        StringBuilder out = new StringBuilder();
        int failed = 0;
        for (FileReport file : report.files()) {
            FileReport.Status status = file.status(strict);
            failed += status == FileReport.Status.FAILED ? 1 : 0;
            out.append("Checking ").append(file.file()).append(": ").append(label(status)).append('\n');
            file.findings().forEach(f -> appendFinding(out, f));
        }
        report.batch().forEach(f -> appendFinding(out, f));
        out.append(report.files().size()).append(report.files().size() == 1 ? " file" : " files").append(" checked: ")
                .append(report.files().size() - failed).append(" passed, ").append(failed).append(" failed");
        if (!report.batch().isEmpty()) {
            out.append("; ").append(report.batch().size()).append(" problem").append(report.batch().size() == 1 ? "" : "s")
                    .append(" across the files");
        }
        out.append(strict ? " (strict: warnings fail)" : "").append('\n');
        return out.toString();
    }

    private static void appendFinding(StringBuilder out, Finding finding) {
        out.append("  ").append(finding.severity()).append(" [").append(finding.rule()).append("] ")
                .append(finding.message()).append('\n');
    }

    static String label(FileReport.Status status) {
        return switch (status) {
            case PASSED -> "PASSED";
            case PASSED_WITH_WARNINGS -> "PASSED with warnings";
            case FAILED -> "FAILED";
        };
    }
}
