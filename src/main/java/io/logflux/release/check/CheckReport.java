package io.logflux.release.check;

import io.logflux.release.files.FileName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The outcome of checking a batch of built files. */
public final class CheckReport {
    private final List<FileReport> files;
    private final List<Finding> batch;

    CheckReport(List<FileReport> files, List<Finding> batch) {
        this.files = List.copyOf(files);
        this.batch = List.copyOf(batch);
    }

    public List<FileReport> files() {
        return files;
    }

    /** Findings about the files together (names, versions, sdist count). */
    public List<Finding> batch() {
        return batch;
    }

    public boolean passed(boolean strict) {
        return files.stream().noneMatch(f -> f.status(strict) == FileReport.Status.FAILED)
                && batch.stream().noneMatch(f -> f.severity() == Severity.ERROR || strict);
    }

    /** The files in upload order: wheels first, then the sdist, as twine uploads them. */
    public List<Path> uploadOrder() {
        return uploadOrder(files.stream().map(FileReport::file).toList());
    }

    /** Wheels first, then by name: known from the names alone, so an upload may start before the check ends. */
    public static List<Path> uploadOrder(List<Path> files) {
        List<Path> order = new ArrayList<>();
        files.stream()
                .sorted(Comparator.comparing((Path p) -> !FileName.of(p).endsWith(".whl"))
                        .thenComparing(FileName::of))
                .forEach(order::add);
        return order;
    }

    public String text(boolean strict) {
        return CheckReportText.render(this, strict);
    }

    public String toJson(boolean strict) {
        return CheckReportJson.render(this, strict);
    }
}
