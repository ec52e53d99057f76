package io.logflux.release.publish;

import io.logflux.release.ReleaseException;
import io.logflux.release.http.Retry;
import io.logflux.release.http.Schedule;
import io.logflux.release.http.Sleeper;
import io.logflux.release.units.Durations;
import io.logflux.release.version.Pep440Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The seed's install test, automated: a fresh {@code python3 -m venv} in a temporary directory, {@code pip install
 * --no-cache-dir name==version} from the index (dependencies from PyPI when the index is TestPyPI), then
 * {@code python -c "import logflux; print(logflux.__version__)"} compared with the expected version. pip never gets a
 * token: it reads the index anonymously.
 */
public final class InstallVerifier {
    private final Consumer<String> log;
    private final Sleeper sleeper;

    public InstallVerifier(Consumer<String> log, Sleeper sleeper) {
        this.log = log;
        this.sleeper = sleeper;
    }

    public InstallReport verify(PackageIndex index, List<ReleaseFile> files, InstallCheck check) {
        if (files.isEmpty()) {
            throw new ReleaseException("No files given for the install check: give the release's files (dist/*).");
        }
        ReleaseFile first = files.get(0);
        String requirement = first.name() + "==" + first.version();
        String simple = index.simpleUrl().toString();
        Path work = createWorkDir();
        try {
            Path venv = work.resolve("venv");
            log.accept("Install check: new virtual environment with " + check.python() + ", then pip install "
                    + requirement + " from " + simple + index.dependencyIndex().map(d -> " (dependencies from " + d
                    + ")").orElse(""));
            Result created = run(List.of(check.python(), "-m", "venv", venv.toString()), work, check);
            if (created.status != 0) {
                throw new ReleaseException("Cannot create a virtual environment with '" + check.python() + " -m venv' ("
                        + created.tail() + "). Install python3-venv (Debian/Ubuntu) on the agent or choose another "
                        + "Python for the install check.");
            }
            Path python = venvPython(venv);
            List<String> install = new ArrayList<>();
            install.add(python.toString());
            install.addAll(InstallCheck.pipBaseArguments());
            install.addAll(List.of("--index-url", simple));
            index.dependencyIndex().ifPresent(d -> install.addAll(List.of("--extra-index-url", d.toString())));
            if (check.requireHashes()) {
                Path requirements = work.resolve("requirements.txt");
                StringBuilder line = new StringBuilder(requirement);
                files.forEach(f -> line.append(" --hash=sha256:").append(f.digests().sha256()));
                writeString(requirements, line + "\n");
                install.addAll(List.of("--require-hashes", "-r", requirements.toString()));
            } else {
                install.add(requirement);
            }
            int attempts = pipInstall(install, work, check, index, requirement);
            String module = check.moduleFor(first.name());
            String code = check.command().orElse("import " + module + "; print(" + module + ".__version__)");
            Result imported = run(List.of(python.toString(), "-c", code), work, check);
            if (imported.status != 0) {
                throw new ReleaseException("Installed " + requirement + " from " + simple + ", but '" + code
                        + "' failed: " + imported.tail() + ". The published package does not import; yank it "
                        + "(logfluxYank) and release a fixed version." + (check.importName().isEmpty()
                        && check.command().isEmpty() ? " If the import name is not '" + module
                        + "', set the import name." : ""));
            }
            String printed = imported.output.strip();
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
            deleteRecursively(work);
        }
    }

    /** Runs pip until it installs, again while it does not find the release yet; returns how often it ran. */
    private int pipInstall(List<String> install, Path work, InstallCheck check, PackageIndex index,
                           String requirement) {
        String simple = index.simpleUrl().toString();
        Result[] last = {null};
        Schedule fixedWaits = (done, retryAfter) -> done >= check.attempts() ? Optional.empty()
                : Optional.of(check.retryWait());
        return new Retry(sleeper, log).run(fixedWaits, attempt -> {
            Result pip = run(install, work, check);
            last[0] = pip;
            if (pip.status == 0) {
                return Retry.Outcome.done(attempt);
            }
            if (!notYetServed(pip)) {
                throw new ReleaseException("Installing " + requirement + " from " + simple + " failed (pip exit "
                        + pip.status + "): " + pip.tail() + ". Read pip's message above; the files on the index are "
                        + "the ones uploaded, so a failure here is what users will hit.");
            }
            return Retry.Outcome.retry("not served yet", null, null);
        }, new Retry.Plan<>() {
            @Override
            public RuntimeException gaveUp(int attempts, String problem, Throwable cause) {
                return new ReleaseException("Installing " + requirement + " from " + simple + " failed (pip exit "
                        + last[0].status + "): " + last[0].tail() + ". Wait longer for " + index.label()
                        + " propagation, or check if dependencies are available" + index.dependencyIndex()
                        .map(d -> " on " + d).orElse("") + ".");
            }

            @Override
            public String retrying(String problem, Duration wait, int next) {
                return "pip does not find " + requirement + " on " + simple + " yet; trying again in "
                        + Durations.human(wait) + " (attempt " + next + " of " + check.attempts() + ").";
            }
        });
    }

    private static boolean notYetServed(Result pip) {
        return pip.output.contains("No matching distribution found")
                || pip.output.contains("Could not find a version that satisfies");
    }

    private record Result(int status, String output) {
        String tail() {
            List<String> lines = output.strip().lines().toList();
            String joined = String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
            return joined.isEmpty() ? "no output" : joined;
        }
    }

    private Result run(List<String> command, Path workDir, InstallCheck check) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            builder.environment().put("PIP_NO_INPUT", "1");
            builder.environment().remove("PIP_INDEX_URL");
            builder.environment().remove("PIP_EXTRA_INDEX_URL");
            builder.environment().remove("PYTHONPATH");
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(check.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ReleaseException("'" + String.join(" ", command) + "' took longer than "
                        + Durations.human(check.timeout()) + " and was stopped.");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
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

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a release for
        }
    }
}
