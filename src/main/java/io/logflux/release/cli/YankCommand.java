package io.logflux.release.cli;

import io.logflux.release.github.GitHubReleases;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import io.logflux.release.publish.ReleaseYanking;
import io.logflux.release.http.Sleeper;
import io.logflux.release.yank.GitHubYankMode;
import io.logflux.release.yank.YankReport;
import io.logflux.release.yank.YankRequest;
import io.logflux.release.yank.Yanker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

@Command(name = "yank",
        sortOptions = false,
        description = {
                "Rolls back a bad release: yanks it on the index (PyPI has no yank API today: prints the page and the "
                        + "reason to give there, and with --wait waits until the JSON API shows the yank; --use-api "
                        + "uses an index's yank API where one exists), then deletes or marks the GitHub release, and "
                        + "verifies both.",
                "Exits 0 when everything asked for is verified, 1 otherwise (it never claims a yank that did not "
                        + "happen)."})
final class YankCommand extends EngineCommand {
    // --version names the release here (as the and twine's wording has it), so the inherited -V/--version
    // is not mixed in; help is declared by hand.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--package", required = true, paramLabel = "NAME", description = "The project, e.g. logflux.")
    private String project;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The version to yank.")
    private String version;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (pip shows it to users).")
    private String reason;

    @Option(names = {"-r", "--repository"}, defaultValue = "pypi", paramLabel = "INDEX",
            description = "pypi (default), testpypi, an upload URL, or none.")
    private String repository;

    @Option(names = "--use-api", description = "Use the index's yank API where it has one (needs a token).")
    private boolean useApi;

    @Mixin private TokenOptions tokenOptions = new TokenOptions();

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "How long to wait for the yank by hand to show (e.g. 30m; default: do not wait).")
    private Duration wait;

    @Option(names = "--github-repo", paramLabel = "OWNER/NAME", description = "The GitHub repository of the release.")
    private String githubRepo;

    @Option(names = "--github", paramLabel = "delete|mark|none", defaultValue = "none",
            description = "Delete the GitHub release, mark it as yanked, or leave it (default: ${DEFAULT-VALUE}).")
    private String githubMode;

    @Option(names = "--delete-tag", description = "With --github delete, delete the tag too.")
    private boolean deleteTag;

    @Option(names = "--tag", paramLabel = "TAG", description = "The release's tag (default: v<version>).")
    private String tag;

    @Mixin private GitHubApiOption githubApi = new GitHubApiOption();

    @Override
    public Integer call() {
        GitHubYankMode mode = GitHubYankMode.parse(githubMode);
        boolean toIndex = !PackageIndex.isNone(repository);
        PackageIndex index = toIndex ? PackageIndex.resolve(repository, null, null) : null;
        IndexCredentials credentials = null;
        if (toIndex && useApi) {
            credentials = tokenOptions.credentials(environment, index, commandLine());
        }
        GitHubReleases github = null;
        if (mode != GitHubYankMode.NONE) {
            if (githubRepo == null) {
                throw new CommandLine.ParameterException(commandLine(), "--github " + githubMode
                        + " needs --github-repo OWNER/NAME.");
            }
            github = GitHubReleases.connect(githubApi.endpoint(),
                    GitHubTokens.fromEnvironment(environment, null, commandLine()),
                    GitHubRepo.parse(githubRepo), HttpSettings.defaults(), Sleeper.REAL,
                    log());
        }
        try {
            YankReport report = new Yanker(toIndex ? new ReleaseYanking(index, HttpSettings.defaults(), Sleeper.REAL)
                    : null, index, credentials, github, githubRepo, Sleeper.REAL, System::nanoTime,
                    log()).yank(new YankRequest(project, version, reason, useApi, wait,
                    mode, tag, deleteTag));
            out().print(report.text());
            return report.verified() ? Main.EXIT_OK : Main.EXIT_FAILED;
        } finally {
            if (github != null) {
                github.close();
            }
        }
    }
}
