package io.logflux.release.pipeline;

import io.logflux.release.ReleaseException;
import io.logflux.release.check.CheckReport;
import io.logflux.release.files.FileName;
import io.logflux.release.github.GitHubReleaseRequest;
import io.logflux.release.github.GitHubReleaser;
import io.logflux.release.units.Durations;
import io.logflux.release.publish.CheckedFiles;
import io.logflux.release.publish.InstallVerifier;
import io.logflux.release.publish.Publication;
import io.logflux.release.publish.PublicationResult;
import io.logflux.release.publish.PublicationSettings;
import io.logflux.release.publish.PublishProgress;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.http.Sleeper;
import io.logflux.release.verify.VerifyVersionReport;
import io.logflux.release.verify.VerifyVersionRequest;
import io.logflux.release.verify.VersionVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The seed's release process end to end: Validation (version == tag, every file checked, and beside it each index it
 * will publish to asked whether it knows its token: a refused production token stops the release before the test
 * index gets anything), Test publication (TestPyPI,
 * wait until served, install in a fresh venv), Production (PyPI, the GitHub release, wait, final install). Prints the
 * plan first, each phase with its time, then a summary. Every step below is idempotent, so re-running after any
 * failure resumes: files already on an index or a release with the same sha256 are skipped.
 */
public final class ReleaseRunner {
    private final Consumer<String> log;
    private final PublishProgress progress;
    private final InstallVerifier installVerifier;

    public ReleaseRunner(Consumer<String> log) {
        this(log, new PublishProgress());
    }

    /** @param progress told how far each phase's upload got, for the line printed if the process is stopped */
    public ReleaseRunner(Consumer<String> log, PublishProgress progress) {
        this(log, progress, new InstallVerifier(log, Sleeper.REAL));
    }

    /**
     * @param installVerifier the install check of both phases: one, so that the Python is asked once per release
     *                        which way pip installs into a venv
     */
    public ReleaseRunner(Consumer<String> log, PublishProgress progress, InstallVerifier installVerifier) {
        this.log = log;
        this.progress = progress;
        this.installVerifier = installVerifier;
    }

    /**
     * @param test       the test index (TestPyPI), or empty to skip the test phase with a reason
     * @param production the production index (PyPI), or empty to skip
     * @param github     the GitHub part of production (a releaser and its request), or empty
     * @param githubPlan what the GitHub part would do, printed when it does not run (rehearsals)
     * @param publishing how each phase publishes: its index is the phase's target, each phase waits until served,
     *                   and installs the files when it says so (not when no Python with venv is available; the
     *                   reason is then in the log)
     */
    public List<PhaseResult> run(Path project, String tag, List<Path> files, Set<Phase> phases,
                                 Optional<ReleaseTarget> test, Optional<ReleaseTarget> production,
                                 Optional<GitHubStep> github, String githubPlan, PublishRequest publishing) {
        if (files.isEmpty()) {
            throw new ReleaseException("No built files to release: build them first (python3 -m build). Nothing "
                    + "was published.");
        }
        PublicationSettings asked = publishing.toBuilder().waitUntilServed(true, publishing.waitTimeout()).build()
                .settings();
        printPlan(project, tag, files, phases, test, production, github, githubPlan, publishing);
        List<ReleaseTarget> publishingTo = new ArrayList<>();
        if (phases.contains(Phase.TEST)) {
            test.ifPresent(publishingTo::add);
        }
        if (phases.contains(Phase.PRODUCTION)) {
            production.ifPresent(publishingTo::add);
        }
        boolean probeEarly = asked.publish().probeToken() && !publishingTo.isEmpty();
        // The probes run now, beside validation, so the publishes below need not ask again.
        PublicationSettings settings = probeEarly ? asked.withPublish(asked.publish().withProbeToken(false)) : asked;
        List<PhaseResult> results = new ArrayList<>();
        CheckedFiles checked = null;
        try (TokenChecks tokens = TokenChecks.start(probeEarly ? publishingTo : List.of(), files, asked.http(),
                Sleeper.REAL)) {
            for (Phase phase : Phase.values()) {
                if (!phases.contains(phase)) {
                    continue;
                }
                log.accept("");
                log.accept("== " + phase.title() + " ==");
                long start = System.nanoTime();
                try {
                    PhaseResult result = switch (phase) {
                        case VALIDATE -> {
                            checked = CheckedFiles.check(files, settings.publish().check());
                            yield validate(project, tag, files, start, tokens, publishingTo.size(), checked.report());
                        }
                        case TEST -> {
                            tokens.await(log);
                            yield publish(phase, test, files, settings, start, Optional.empty(), "", checked);
                        }
                        case PRODUCTION -> {
                            tokens.await(log);
                            yield publish(phase, production, files, settings, start, github, githubPlan, checked);
                        }
                    };
                    results.add(result);
                } catch (ReleaseException e) {
                    results.add(new PhaseResult(phase, PhaseResult.Status.FAILED, elapsed(start), e.getMessage()));
                    log.accept(summary(results));
                    throw e;
                }
            }
        }
        log.accept("");
        log.accept(summary(results));
        return results;
    }

    /** The GitHub part: a connected releaser and what to release. */
    public record GitHubStep(GitHubReleaser releaser, GitHubReleaseRequest request, Path workDir) {
    }

    private PhaseResult validate(Path project, String tag, List<Path> files, long start, TokenChecks tokens,
                                 int indexes, CheckReport check) {
        VerifyVersionReport version = new VersionVerifier().verify(new VerifyVersionRequest(project, tag,
                Optional.empty(), files));
        log.accept(version.text().stripTrailing());
        if (!version.ok()) {
            throw new ReleaseException(version.headline() + " (the report above says where and what to do)");
        }
        log.accept(check.text(false).stripTrailing());
        if (!check.passed(false)) {
            throw new ReleaseException("The built files failed check (the report above lists every finding). Fix "
                    + "them and rebuild; nothing was published.");
        }
        tokens.await(log);
        return new PhaseResult(Phase.VALIDATE, PhaseResult.Status.DONE, elapsed(start), "version "
                + version.normalizedVersion() + " == tag " + tag + "; " + files.size() + " file(s) passed check"
                + (tokens.probed() ? "; token known to " + (indexes == 1 ? "the index" : "both indexes") : ""));
    }

    /** @param checked the files as validation checked them in this run, reused while unchanged; null: none yet */
    private PhaseResult publish(Phase phase, Optional<ReleaseTarget> target, List<Path> files,
                                PublicationSettings settings, long start, Optional<GitHubStep> github,
                                String githubPlan, CheckedFiles checked) {
        if (target.isEmpty()) {
            return skipped(phase, start, "no index configured for this phase");
        }
        PublicationResult result = new Publication(target.get().index(), target.get().credentials(), settings,
                Sleeper.REAL, log, progress, installVerifier, checked).run(files);
        String detail = result.published().uploaded().size() + " uploaded, " + result.published().skipped().size()
                + " already there, served" + result.installed().map(i -> "; installs and imports as "
                + i.importedVersion() + " (" + i.way().id() + ")").orElse("; install check skipped");
        if (phase == Phase.PRODUCTION) {
            if (github.isPresent()) {
                GitHubStep step = github.get();
                detail += "; " + step.releaser().release(step.request(), result.snapshots(step.request().files()),
                        step.workDir()).summary();
            } else if (!githubPlan.isEmpty()) {
                log.accept("GitHub release (plan only): " + githubPlan);
                detail += "; GitHub: planned only";
            }
        }
        return new PhaseResult(phase, PhaseResult.Status.DONE, elapsed(start), detail);
    }

    private PhaseResult skipped(Phase phase, long start, String why) {
        log.accept("Skipped: " + why + ".");
        return new PhaseResult(phase, PhaseResult.Status.SKIPPED, elapsed(start), why);
    }

    private void printPlan(Path project, String tag, List<Path> files, Set<Phase> phases,
                           Optional<ReleaseTarget> test, Optional<ReleaseTarget> production,
                           Optional<GitHubStep> github, String githubPlan, PublishRequest publishing) {
        log.accept("Release plan for " + project + " at tag " + tag + " (" + files.size() + " built file(s): "
                + String.join(", ", files.stream().map(FileName::of).toList()) + ")");
        String installText = publishing.verifyInstall() ? "; install in a fresh venv with " + publishing.python()
                + " and import"
                : "; install check skipped (no Python with venv)";
        for (Phase phase : Phase.values()) {
            String what = switch (phase) {
                case VALIDATE -> "version == tag in the project and the files; check every file"
                        + (publishing.tokenCheck() ? "; ask each index whether it knows its token" : "");
                case TEST -> test.map(t -> "upload to " + t + "; wait until served" + installText)
                        .orElse("skipped: no index");
                case PRODUCTION -> production.map(t -> "upload to " + t + "; wait until served" + installText)
                        .orElse("skipped: no index") + (github.isPresent() ? "; GitHub release of "
                        + github.get().request().repo() + " " + tag : githubPlan.isEmpty() ? ""
                        : "; GitHub release: plan only");
            };
            log.accept(String.format("  %s %-11s %s", phases.contains(phase) ? "*" : " ", phase.id(), what));
        }
    }

    static String summary(List<PhaseResult> results) {
        StringBuilder out = new StringBuilder("Summary:");
        for (PhaseResult r : results) {
            out.append(System.lineSeparator()).append(String.format("  %-11s %-8s %8s  %s", r.phase().id(),
                    r.status(), Durations.human(r.time()), r.detail()));
        }
        return out.toString();
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
