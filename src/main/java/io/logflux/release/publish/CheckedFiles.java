package io.logflux.release.publish;

import io.logflux.release.check.CheckOptions;
import io.logflux.release.check.CheckReport;
import io.logflux.release.check.DistributionChecker;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A release's files as {@code check} found them, for the phases that follow in the same run: the report, and each
 * file's size and modification time from before the check read it. A publish of the same files with the same options,
 * none changed since, takes this report instead of checking again (a release checks once, not once per index); any
 * other publish checks for itself.
 */
public final class CheckedFiles {
    private record State(long size, FileTime modified) {
        static State of(Path file) {
            return new State(OutgoingFile.sizeOf(file), FileSnapshot.modifiedTime(file));
        }
    }

    private final CheckOptions options;
    private final Map<Path, State> before;
    private final CheckReport report;

    private CheckedFiles(CheckOptions options, Map<Path, State> before, CheckReport report) {
        this.options = options;
        this.before = before;
        this.report = report;
    }

    /** Checks {@code files} with {@code options}, noting first what each file is. */
    public static CheckedFiles check(List<Path> files, CheckOptions options) {
        Map<Path, State> before = new HashMap<>();
        for (Path file : files) {
            before.put(file.toAbsolutePath().normalize(), State.of(file));
        }
        return new CheckedFiles(options, before, new DistributionChecker(options).check(files));
    }

    public CheckReport report() {
        return report;
    }

    /** The report for {@code files} checked with {@code options}: this one if nothing differs, else a new check. */
    CheckReport reportFor(List<Path> files, CheckOptions asked) {
        return same(files, asked) ? report : new DistributionChecker(asked).check(files);
    }

    private boolean same(List<Path> files, CheckOptions asked) {
        if (!asked.equals(options)) {
            return false;
        }
        Set<Path> named = new HashSet<>();
        for (Path file : files) {
            Path key = file.toAbsolutePath().normalize();
            State then = before.get(key);
            if (then == null || !then.equals(State.of(file))) {
                return false;
            }
            named.add(key);
        }
        return named.equals(before.keySet());
    }
}
