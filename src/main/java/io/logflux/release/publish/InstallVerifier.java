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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The seed's install test, automated: a fresh venv in a temporary directory, the released files fetched from the
 * index by their uploaded sha256 and installed with their dependencies from the production index ({@link PipSteps}),
 * then {@code python -c "import logflux; print(logflux.__version__)"} with the venv's interpreter, compared with the
 * expected version. pip never gets a token and none of the tool's environment beyond {@link ChildEnvironment}'s
 * allow-list.
 *
 * <p>The venv is made {@code --without-pip} and the Python's own pip installs into it with {@code --python} when
 * that pip is 22.3 or later, else the venv gets its own pip from ensurepip ({@link PipWay}); which it is is found
 * once per Python and verifier ({@link InstallPython}) and said in the log and the report. {@link #prepare} makes
 * the venv beside the upload, so that it is ready when the index serves the files.
 */
public final class InstallVerifier {
    private final Consumer<String> log;
    private final Sleeper sleeper;
    private final ChildEnvironment environment;
    private final Map<String, InstallPython> probed = new ConcurrentHashMap<>();

    public InstallVerifier(Consumer<String> log, Sleeper sleeper) {
        this(log, sleeper, ChildEnvironment.ofThisProcess());
    }

    public InstallVerifier(Consumer<String> log, Sleeper sleeper, ChildEnvironment environment) {
        this.log = log;
        this.sleeper = sleeper;
        this.environment = environment;
    }

    /** Tells this verifier what a probe found of a Python (the release command asks it first): not asked again. */
    public InstallVerifier knowing(InstallPython python) {
        probed.put(python.python(), python);
        return this;
    }

    public InstallReport verify(PackageIndex index, List<ReleaseFile> files, InstallCheck check) {
        requireFiles(files);
        try (FreshVenv venv = prepare(check)) {
            return verify(index, files, check, venv);
        }
    }

    /** Starts making the install check's venv now, on a thread of its own; close it when done (or not needed). */
    public FreshVenv prepare(InstallCheck check) {
        return FreshVenv.start(work -> makeVenv(work, check));
    }

    /** The install check in {@code venv}, made by {@link #prepare} with the same {@code check}. */
    public InstallReport verify(PackageIndex index, List<ReleaseFile> files, InstallCheck check, FreshVenv venv) {
        requireFiles(files);
        ReleaseFile first = files.get(0);
        String requirement = first.name() + "==" + first.version();
        String simple = PipSteps.shown(index.simpleUrl());
        Path work = venv.work();
        Optional<NetrcFile> netrc = Optional.empty();
        try {
            FreshVenv.Ready ready = venv.await();
            PipSteps pip = new PipSteps(index, ready.way(), check.python(), ready.venvPython());
            netrc = NetrcFile.forUrls(work, pip.urls());
            Map<String, String> settings = PipSteps.settings(netrc);
            log.accept("Install check: new virtual environment with " + check.python() + " ("
                    + ready.python().describe(ready.way()) + "), then pip install " + requirement + " from " + simple
                    + index.dependencyIndex().map(d -> " (dependencies from " + PipSteps.shown(d) + ")").orElse(""));
            Path release = work.resolve("release");
            Path pinned = writeString(work.resolve("release.txt"), PipSteps.pinnedRequirement(files));
            int attempts;
            if (withoutDependencies(files)) {
                // nothing to install but the released files: one pip run takes them by hash straight into the venv
                attempts = download(pip.installPinned(first, pinned), work, settings, check, index, requirement);
            } else {
                attempts = download(pip.download(first, pinned, release), work, settings, check, index,
                        requirement);
                install(pip, downloaded(release), work, settings, check, index, requirement);
            }
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
            return new InstallReport(requirement, simple, printed, attempts, ready.way());
        } finally {
            netrc.ifPresent(NetrcFile::close);
        }
    }

    /** In the background: which way (asking the Python once), then the venv made that way. */
    private FreshVenv.Ready makeVenv(Path work, InstallCheck check) {
        InstallPython python = pythonOf(check, work);
        if (python.failure().isPresent()) {
            throw new ReleaseException("Cannot run '" + check.python() + "' for the install check: "
                    + python.failure().get() + ". Install Python 3 with venv on the agent, or name the interpreter "
                    + "to use.");
        }
        PipWay way = python.way().orElseThrow(() -> new ReleaseException("Cannot create a virtual environment "
                + "with pip for the install check: '" + check.python() + "' " + python.whyNoWay() + ". Install "
                + "python3-venv (Debian/Ubuntu) on the agent or choose another Python for the install check."));
        Path venv = work.resolve("venv");
        ChildRun.Result created = run(way.createVenv(check.python(), venv), work, PipSteps.settings(Optional.empty()),
                check);
        if (created.status() != 0) {
            throw new ReleaseException("Cannot create a virtual environment with '" + check.python() + " -m venv' ("
                    + created.tail() + "). Install python3-venv (Debian/Ubuntu) on the agent or choose another "
                    + "Python for the install check.");
        }
        return new FreshVenv.Ready(python, way, venvPython(venv));
    }

    private InstallPython pythonOf(InstallCheck check, Path work) {
        InstallPython known = probed.get(check.python());
        if (known != null) {
            return known;
        }
        InstallPython asked = InstallPython.probe(check.python(), environment, work, check.timeout());
        if (asked.failure().isEmpty()) { // a Python that could not be asked is asked again next time
            probed.putIfAbsent(check.python(), asked);
        }
        return asked;
    }

    /**
     * Whether the release surely needs nothing but its own files: it has a wheel, and no file names a dependency. Only
     * a wheel's METADATA says for sure; an sdist's PKG-INFO may leave them out (older setuptools, or {@code Dynamic:
     * Requires-Dist}).
     */
    static boolean withoutDependencies(List<ReleaseFile> files) {
        return files.stream().anyMatch(f -> f.fileName().endsWith(".whl"))
                && files.stream().allMatch(f -> f.metadata().all("Requires-Dist").isEmpty()
                && f.metadata().all("Dynamic").stream().noneMatch(d -> d.strip().equalsIgnoreCase("Requires-Dist")));
    }

    private static void requireFiles(List<ReleaseFile> files) {
        if (files.isEmpty()) {
            throw new ReleaseException("No files given for the install check: give the release's files (dist/*).");
        }
    }

    /**
     * Runs pip (download, or the one-step install) until it gets the files, again while it does not find them yet;
     * returns how often it ran.
     */
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

    private static Path writeString(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
