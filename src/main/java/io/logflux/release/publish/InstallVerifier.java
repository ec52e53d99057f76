package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.Sleeper;
import io.logflux.release.process.ChildEnvironment;
import io.logflux.release.process.ChildRun;
import io.logflux.release.process.NetrcFile;
import io.logflux.release.units.Durations;
import io.logflux.release.version.Pep440Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The seed's install test, automated: a fresh {@code python3 -m venv} in a temporary directory, the released files
 * fetched from the index by their uploaded sha256 and installed with their dependencies from the production index
 * ({@link PipSteps}), then {@code python -c "import logflux; print(logflux.__version__)"} compared with the expected
 * version. pip never gets a token and none of the tool's environment beyond {@link ChildEnvironment}'s allow-list.
 */
public final class InstallVerifier {
    private final Consumer<String> log;
    private final Sleeper sleeper;
    private final ChildEnvironment environment;

    public InstallVerifier(Consumer<String> log, Sleeper sleeper) {
        this(log, sleeper, ChildEnvironment.ofThisProcess());
    }

    public InstallVerifier(Consumer<String> log, Sleeper sleeper, ChildEnvironment environment) {
        this.log = log;
        this.sleeper = sleeper;
        this.environment = environment;
    }

    public InstallReport verify(PackageIndex index, List<ReleaseFile> files, InstallCheck check) {
        if (files.isEmpty()) {
            throw new ReleaseException("No files given for the install check: give the release's files (dist/*).");
        }
        ReleaseFile first = files.get(0);
        String requirement = first.name() + "==" + first.version();
        String simple = PipSteps.shown(index.simpleUrl());
        Path work = createWorkDir();
        Optional<NetrcFile> netrc = Optional.empty();
        try {
            Path venv = work.resolve("venv");
            PipSteps pip = new PipSteps(index, venvPython(venv));
            netrc = NetrcFile.forUrls(work, pip.urls());
            Map<String, String> settings = PipSteps.settings(netrc);
            log.accept("Install check: new virtual environment with " + check.python() + ", then pip install "
                    + requirement + " from " + simple + index.dependencyIndex().map(d -> " (dependencies from "
                    + PipSteps.shown(d) + ")").orElse(""));
            ChildRun.Result created = run(List.of(check.python(), "-m", "venv", venv.toString()), work, settings,
                    check);
            if (created.status() != 0) {
                throw new ReleaseException("Cannot create a virtual environment with '" + check.python() + " -m venv' ("
                        + created.tail() + "). Install python3-venv (Debian/Ubuntu) on the agent or choose another "
                        + "Python for the install check.");
            }
            Path release = work.resolve("release");
            Path pinned = writeString(work.resolve("release.txt"), PipSteps.pinnedRequirement(files));
            int attempts = download(pip.download(first, pinned, release), work, settings, check, index,
                    requirement);
            install(pip, downloaded(release), work, settings, check, index, requirement);
            String module = check.moduleFor(first.name());
            String code = check.command().orElse("import " + module + "; print(" + module + ".__version__)");
            ChildRun.Result imported = run(pip.importCheck(code), work, settings, check);
            if (imported.status() != 0) {
                throw new ReleaseException("Installed " + requirement + " from " + simple + ", but '" + code
                        + "' failed: " + imported.tail() + ". The published package does not import; yank it "
                        + "(logfluxYank) and release a fixed version." + (check.importName().isEmpty()
                        && check.command().isEmpty() ? " If the import name is not '" + module
                        + "', set the import name." : ""));
            }
            String printed = imported.output().strip();
            if (check.command().isEmpty()) {
                String last = printed.lines().reduce((a, b) -> b).orElse("").strip();
                boolean same = Pep440Version.tryParse(last).map(v -> Pep440Version.tryParse(first.version())
                        .map(e -> e.normalized().equals(v.normalized())).orElse(false)).orElse(false);
                if (!same) {
                    throw new ReleaseException("Installed " + requirement + " from " + simple + ", but "
                            + module + ".__version__ is '" + last + "', not " + first.version() + ". The module's "
                            + "__version__ and the package metadata disagree; fix " + module + "/__init__.py (or where "
                            + "__version__ comes from) and release a new version.");
                }
                printed = last;
            }
            log.accept("Install check passed: " + requirement + " from " + simple + " imports"
                    + (check.command().isEmpty() ? " and reports version " + printed : " and '" + code + "' succeeds")
                    + ".");
            return new InstallReport(requirement, simple, printed, attempts);
        } finally {
            netrc.ifPresent(NetrcFile::close);
            deleteRecursively(work);
        }
    }

    /** Runs pip download until it gets the files, again while it does not find them yet; returns how often it ran. */
    private int download(List<String> command, Path work, Map<String, String> settings, InstallCheck check,
                         PackageIndex index, String requirement) {
        String simple = PipSteps.shown(index.simpleUrl());
        ChildRun.Result[] last = {null};
        Schedule fixedWaits = (done, retryAfter) -> done >= check.attempts() ? Optional.empty()
                : Optional.of(check.retryWait());
        return new Retry(sleeper, log).run(fixedWaits, attempt -> {
            ChildRun.Result pip = run(command, work, settings, check);
            last[0] = pip;
            if (pip.status() == 0) {
                return Retry.Outcome.done(attempt);
            }
            if (!notFound(pip)) {
                throw failed(requirement, simple, pip, "Read pip's message above; the files on the index are the "
                        + "ones uploaded, so a failure here is what users will hit.");
            }
            return Retry.Outcome.retry("not served yet", null, null);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
                return failed(requirement, simple, last[0], "Wait longer for " + index.label()
                        + " propagation, or check if dependencies are available" + index.dependencyIndex()
                        .map(d -> " on " + PipSteps.shown(d)).orElse("") + ".");
            }

            @Override
            public String retrying(String problem, Duration wait, int next) {
                return "pip does not find " + requirement + " on " + simple + " yet; trying again in "
                        + Durations.human(wait) + " (attempt " + next + " of " + check.attempts() + ").";
            }
        });
    }

    /** Installs the downloaded file from disk, its dependencies from the production index only. */
    private void install(PipSteps pip, Path downloaded, Path work, Map<String, String> settings, InstallCheck check,
                         PackageIndex index, String requirement) {
        Optional<Path> pinned = check.requireHashes() ? Optional.of(writeString(work.resolve("install.txt"),
                downloaded + " --hash=sha256:" + FileDigests.of(downloaded).sha256() + "\n")) : Optional.empty();
        ChildRun.Result result = run(pip.install(downloaded, pinned), work, settings, check);
        if (result.status() != 0) {
            throw failed(requirement, PipSteps.shown(index.simpleUrl()), result, notFound(result)
                    ? "Check if dependencies are available on " + PipSteps.shown(pip.dependencies()) + ": they are "
                    + "installed from there only." : "Read pip's message above; the files on the index are the ones "
                    + "uploaded, so a failure here is what users will hit.");
        }
    }

    private static ReleaseException failed(String requirement, String simple, ChildRun.Result pip, String advice) {
        return new ReleaseException("Installing " + requirement + " from " + simple + " failed (pip exit "
                + pip.status() + "): " + pip.tail() + ". " + advice);
    }

    private static boolean notFound(ChildRun.Result pip) {
        return pip.output().contains("No matching distribution found")
                || pip.output().contains("Could not find a version that satisfies");
    }

    private static Path downloaded(Path release) {
        try (Stream<Path> files = Files.list(release)) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow(() -> new ReleaseException(
                    "pip download reported success but left no file in " + release + "."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChildRun.Result run(List<String> command, Path workDir, Map<String, String> settings,
                                InstallCheck check) {
        try {
            return ChildRun.run(command, workDir, environment, settings, check.timeout());
        } catch (TimeoutException e) {
            throw new ReleaseException("'" + String.join(" ", command) + "' took longer than "
                    + Durations.human(check.timeout()) + " and was stopped.");
        } catch (IOException e) {
            throw new ReleaseException("Cannot run '" + command.get(0) + "' for the install check: " + e.getMessage()
                    + ". Install Python 3 with venv on the agent, or name the interpreter to use.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException("Interrupted during the install check.", e);
        }
    }

    private static Path venvPython(Path venv) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows ? venv.resolve("Scripts").resolve("python.exe") : venv.resolve("bin").resolve("python");
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("logflux-install-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the install check", e);
        }
    }

    private static Path writeString(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(InstallVerifier::deleteQuietly);
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a release for
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // as above: what cannot be deleted is left behind
        }
    }
}
