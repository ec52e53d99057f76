package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubReleaseRequest;
import io.logflux.release.github.GitHubReleaser;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.GitHubToken;
import io.logflux.release.github.ReleaseNotes;
import io.logflux.release.rehearsal.RehearsalIndex;
import io.logflux.release.process.ChildEnvironment;
import java.time.Duration;
import io.logflux.release.pipeline.Phase;
import io.logflux.release.pipeline.ReleaseRunner;
import io.logflux.release.pipeline.ReleaseTarget;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.InstallPython;
import io.logflux.release.publish.InstallVerifier;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.PublishProgress;
import io.logflux.release.publish.PublishRequest;
import io.logflux.release.http.Sleeper;
import io.logflux.release.version.ReleaseTag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

@Command(name = "release",
        sortOptions = false,
        description = {
                "Runs the release end to end, in the seed's three phases: Validation (version == tag, every file "
                        + "checked), Test publication (TestPyPI, wait until served, install in a fresh venv), "
                        + "Production (PyPI, the GitHub release, wait, final install). Prints the plan, each phase "
                        + "with its time, and a summary. Re-running after a failure resumes.",
                "--rehearse runs the same phases against two local indexes on 127.0.0.1 (no network, no tokens) "
                        + "and prints the GitHub part as a plan."})
final class ReleaseCommand extends EngineCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Mixin private ReleaseTagOption tag = new ReleaseTagOption();
    @Mixin private ProjectOption project = new ProjectOption();

    @Option(names = "--files", paramLabel = "PATTERN",
            description = "The built files (default: DIR/dist/*; with --rehearse, built with python3 -m build when "
                    + "there are none).")
    private List<String> files = new ArrayList<>();

    @Option(names = "--phase", paramLabel = "PHASE", defaultValue = "all",
            description = "validate, test, production or all (default).")
    private String phase;

    @Option(names = "--rehearse", description = "Local indexes, no network, no tokens; GitHub as a plan.")
    private boolean rehearse;

    @Option(names = "--test-repository", paramLabel = "INDEX", defaultValue = "testpypi",
            description = "The test index (default: ${DEFAULT-VALUE}): pypi, testpypi or an upload URL.")
    private String testRepository;

    @Option(names = "--test-token-env", paramLabel = "NAME",
            description = "The variable holding the test index's token (default: TEST_PYPI_API_TOKEN for "
                    + "testpypi, PYPI_API_TOKEN for pypi, then TWINE_PASSWORD; for an upload URL only "
                    + "TWINE_PASSWORD).")
    private String testTokenEnv;

    @Option(names = "--repository", paramLabel = "INDEX", defaultValue = "pypi",
            description = "The production index (default: ${DEFAULT-VALUE}): pypi, testpypi or an upload URL.")
    private String repository;

    @Option(names = "--token-env", paramLabel = "NAME",
            description = "The variable holding the production index's token (default: PYPI_API_TOKEN for pypi, "
                    + "TEST_PYPI_API_TOKEN for testpypi, then TWINE_PASSWORD; for an upload URL only "
                    + "TWINE_PASSWORD).")
    private String tokenEnv;

    @Option(names = "--github-repo", paramLabel = "OWNER/NAME",
            description = "Attach the files to this repository's release of the tag (token from GITHUB_TOKEN, else GH_TOKEN).")
    private String githubRepo;

    @Mixin private GitHubApiOption githubApi = new GitHubApiOption();

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python for builds and install checks (default: ${DEFAULT-VALUE}).")
    private String python;

    @Option(names = "--no-install", description = "Skip the install checks.")
    private boolean noInstall;

    @Option(names = "--strict", description = "Warnings from check also stop the release.")
    private boolean strict;

    @Override
    public Integer call() throws IOException {
        String releaseTag = tag.resolve(environment);
        ReleaseTag.parse(releaseTag); // a malformed tag stops the release before anything is built or started
        PrintWriter out = out();
        Set<Phase> phases = Phase.parse(phase);
        // The Python is asked which way its install checks can go while the files are found (or built).
        CompletableFuture<InstallPython> probed = noInstall ? null : CompletableFuture.supplyAsync(() ->
                InstallPython.probe(python, ChildEnvironment.ofThisProcess(), project.dir, Duration.ofMinutes(10)));
        Path work = Files.createTempDirectory("logflux-release-");
        List<Path> built = new ReleaseFiles(project.dir, python).find(files, rehearse, work);
        InstallVerifier verifier = new InstallVerifier(out::println, Sleeper.REAL);
        boolean install = !noInstall && installCheckPossible(out, verifier, probed.join());
        PublishRequest publishing = RequestArguments.build(commandLine(), () -> PublishRequest.builder()
                .check(strict, null).install(install, python, null, null, false).build());
        List<RehearsalIndex> local = new ArrayList<>();
        try {
            Optional<ReleaseTarget> test;
            Optional<ReleaseTarget> production;
            Optional<ReleaseRunner.GitHubStep> github = Optional.empty();
            String githubPlan = "";
            if (rehearse) {
                test = Optional.of(rehearsalIndex(work.resolve("testpypi"), "local-testpypi", local));
                production = Optional.of(rehearsalIndex(work.resolve("pypi"), "local-pypi", local));
                githubPlan = "attach " + built.size() + " file(s) and SHA256SUMS to the " + (githubRepo == null
                        ? "repository's (give --github-repo)" : githubRepo + "'s") + " release of " + releaseTag
                        + ": find or create a draft, upload each asset unless the same sha256 is there, publish";
            } else {
                test = phases.contains(Phase.TEST) ? Optional.of(target(testRepository, testTokenEnv,
                        "--test-token-env")) : Optional.empty();
                production = phases.contains(Phase.PRODUCTION) ? Optional.of(target(repository, tokenEnv,
                        "--token-env")) : Optional.empty();
                if (githubRepo != null && phases.contains(Phase.PRODUCTION)) {
                    github = Optional.of(githubStep(releaseTag, built, work));
                }
            }
            PublishProgress progress = new PublishProgress();
            try (InterruptNotice notice = InterruptNotice.install(progress, commandLine().getErr())) {
                new ReleaseRunner(out::println, progress, verifier).run(project.dir, releaseTag, built, phases, test,
                        production, github, githubPlan, publishing);
            }
            return Main.EXIT_OK;
        } finally {
            local.forEach(RehearsalIndex::close);
        }
    }

    private ReleaseTarget rehearsalIndex(Path dir, String name, List<RehearsalIndex> started) {
        RehearsalIndex index = RehearsalIndex.start(dir);
        started.add(index);
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = "pypi-rehearsal-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        index.acceptToken(token);
        return new ReleaseTarget(PackageIndex.resolve(index.uploadUrl(), null, null).withLabel(name),
                IndexCredentials.token(token, "the rehearsal (made up for this run, in memory)"));
    }

    /**
     * Each phase its own token: the variable its option names, else the index's own (as {@code publish}), so a PyPI
     * token is never sent to an index given by URL.
     */
    private ReleaseTarget target(String name, String variable, String option) {
        PackageIndex index = PackageIndex.resolve(name, null, null);
        return new ReleaseTarget(index, TokenOptions.credentials(environment, index, variable,
                index.tokenVariable(), option, null, commandLine()));
    }

    private ReleaseRunner.GitHubStep githubStep(String releaseTag, List<Path> built, Path work) {
        GitHubToken token = GitHubTokens.fromEnvironment(environment, null, null, commandLine());
        GitHubRepo repo = GitHubRepo.parse(githubRepo);
        Path changelog = project.dir.resolve(GitHubReleaseRequest.DEFAULT_NOTES_FILE);
        GitHubReleaseRequest request = GitHubReleaseRequest.forTag(repo, releaseTag, null,
                version -> ReleaseNotes.fromChangelog(changelog, version), Optional.empty(), false, false, true,
                built);
        return new ReleaseRunner.GitHubStep(GitHubReleaser.connect(githubApi.endpoint(), token, repo,
                HttpSettings.defaults(), Sleeper.REAL,
                out()::println), request, work);
    }

    /** What the Python said of the install checks' venvs: both phases' checks then know it, without asking again. */
    private boolean installCheckPossible(PrintWriter out, InstallVerifier verifier, InstallPython probed) {
        if (probed.way().isEmpty()) {
            out.println("'" + python + "' cannot create virtual environments with pip (it " + probed.whyNoWay()
                    + "; install python3-venv, or give --python): the install checks are skipped.");
            return false;
        }
        verifier.knowing(probed);
        return true;
    }
}
