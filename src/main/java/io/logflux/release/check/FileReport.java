package io.logflux.release.check;

import io.logflux.release.files.FileName;

import java.nio.file.Path;
import java.util.List;

/** What {@code check} found in one file. */
public record FileReport(Path file, List<Finding> findings) {
    public FileReport {
        findings = List.copyOf(findings);
    }

    public enum Status { PASSED, PASSED_WITH_WARNINGS, FAILED }

    public Status status(boolean strict) {
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean warnings = findings.stream().anyMatch(f -> f.severity() == Severity.WARNING);
        if (errors || (strict && warnings)) {
            return Status.FAILED;
        }
        return warnings ? Status.PASSED_WITH_WARNINGS : Status.PASSED;
    }

    public String fileName() {
        return FileName.of(file);
    }
}
