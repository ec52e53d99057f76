package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.process.ChildRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files {@code release} publishes: {@code --files}, else DIR/dist/*, else (rehearsals only) built with
 * {@code python -m build}. No files is a refusal that says how to build them, never a release that publishes nothing.
 */
final class ReleaseFiles {
    static final String HOW_TO_BUILD = "python3 -m build";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final Path project;
    private final String python;
    private final Predicate<Path> writable;

    /** @param writable whether the build can write into a directory (tests stand in for a read-only project) */
    ReleaseFiles(Path project, String python, Predicate<Path> writable) {
        this.project = project;
        this.python = python;
        this.writable = writable;
    }

    ReleaseFiles(Path project, String python) {
        this(project, python, Files::isWritable);
    }

    /** @param build whether to build the files when there are none (into {@code work}) */
    List<Path> find(List<String> patterns, boolean build, Path work) throws IOException {
        if (!patterns.isEmpty()) {
            return FileArguments.expand(patterns);
        }
        Path dist = project.resolve("dist");
        List<Path> found = distributions(dist);
        if (!found.isEmpty()) {
            return found;
        }
        if (!build) {
            throw new ReleaseException("No built files in " + dist + ": build them first (" + HOW_TO_BUILD + " in "
                    + project + "), or give --files. Nothing was published.");
        }
        if (!writable.test(project)) {
            throw new ReleaseException("No built files in " + dist + ", and " + python + " -m build cannot build "
                    + "them: the project directory " + project + " is not writable (the build writes its metadata "
                    + "there). Build in a writable copy, or give --files. Nothing was published.");
        }
        Path outdir = work.resolve("dist");
        ChildRun.Result result = runBuild(List.of(python, "-m", "build", "--outdir", outdir.toString(),
                project.toString()));
        List<Path> built = distributions(outdir);
        if (result.status() != 0 || built.isEmpty()) {
            throw new ReleaseException("No built files in " + dist + ", and '" + python + " -m build' failed (exit "
                    + result.status() + "): " + result.tail() + ". Fix the build, or give --files. Nothing was "
                    + "published.");
        }
        return built;
    }

    private static List<Path> distributions(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(p -> p.toString().endsWith(".whl") || p.toString().endsWith(".tar.gz"))
                    .sorted().toList();
        }
    }

    private ChildRun.Result runBuild(List<String> command) {
        try {
            return ChildRun.run(command, project, ChildEnvironment.ofThisProcess(), Map.of(), BUILD_TIMEOUT);
        } catch (IOException e) {
            throw new ReleaseException("No built files in " + project.resolve("dist") + ", and '" + python
                    + "' cannot be started (" + e.getMessage() + "): install Python, or give --python or --files.",
                    e);
        } catch (TimeoutException e) {
            throw new ReleaseException("'" + python + " -m build' ran longer than " + BUILD_TIMEOUT.toMinutes()
                    + " minutes and was stopped. Build the files yourself and give --files.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException("Interrupted while building the files.", e);
        }
    }
}
