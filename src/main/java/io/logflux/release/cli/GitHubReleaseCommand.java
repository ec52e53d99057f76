package io.logflux.release.cli;

import io.logflux.release.ReleaseException;
import io.logflux.release.github.GitHubEndpoint;
import io.logflux.release.github.GitHubReleaseReport;
import io.logflux.release.github.GitHubLatest;
import io.logflux.release.github.GitHubReleaseRequest;
import io.logflux.release.github.GitHubReleaser;
import io.logflux.release.github.GitHubRepo;
import io.logflux.release.github.ReleaseNotes;
import io.logflux.release.http.HttpSettings;
import io.logflux.release.http.Sleeper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "github-release",
        sortOptions = false,
        description = {
                "Attaches files to the GitHub release of a tag, which must already exist on GitHub: creates the release as a draft if there is none (notes "
                        + "from the tag's CHANGELOG.md section), uploads each file and SHA256SUMS unless an asset with "
                        + "the same sha256 is there, and publishes it only when every asset is in place. A re-run "
                        + "finishes what a failed run left.",
                "The token comes from GITHUB_TOKEN or GH_TOKEN (or the variable named by --token-env), never from an "
                        + "argument."})
final class GitHubReleaseCommand extends EngineCommand {
    @Option(names = "--repo", required = true, paramLabel = "OWNER/NAME", description = "The GitHub repository.")
    private String repo;

    @Mixin private ReleaseTagOption tag = new ReleaseTagOption();

    @Option(names = "--name", paramLabel = "TEMPLATE", defaultValue = GitHubReleaseRequest.DEFAULT_TITLE,
            description = "Title of a created release; {project}, {version} and {tag} are replaced "
                    + "(default: ${DEFAULT-VALUE}).")
    private String name;

    @Option(names = "--notes-file", paramLabel = "FILE", defaultValue = GitHubReleaseRequest.DEFAULT_NOTES_FILE,
            description = "Keep-a-Changelog file whose section for the version becomes the notes of a created release "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path notesFile;

    @Option(names = "--notes", paramLabel = "TEXT", description = "The notes themselves, instead of --notes-file.")
    private String notes;

    @Option(names = "--commit", paramLabel = "SHA", description = "Refuse unless the tag points at this commit.")
    private String commit;

    @Option(names = "--draft", description = "Leave the release a draft.")
    private boolean draft;

    @Option(names = "--replace-assets", description = "Replace assets of the same name with other content.")
    private boolean replaceAssets;

    @Option(names = "--no-checksums", description = "Do not attach SHA256SUMS.")
    private boolean noChecksums;

    @Option(names = "--latest", paramLabel = "true|false|auto", description = "Mark the published release as the "
            + "repository's Latest: auto (default) when its version is the highest final version among the releases.")
    private String latest;

    @Option(names = "--api-url", paramLabel = "URL", description = "The API: https://api.github.com (default), or "
            + "https://HOST/api/v3 for GitHub Enterprise Server.")
    private String apiUrl;

    @Option(names = "--token-env", paramLabel = "NAME",
            description = "The environment variable with the token (default: GITHUB_TOKEN, then GH_TOKEN).")
    private String tokenEnv;

    @Option(names = "--attempts", paramLabel = "N", description = "Tries per request when the failure is safe to "
            + "retry: network errors, 5xx, 429, rate limits (default: ${DEFAULT-VALUE}).")
    private int attempts = HttpSettings.defaults().attempts();

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "The files to attach (dist/*).")
    private List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        String releaseTag = tag.resolve(environment);
        GitHubRepo repository = GitHubRepo.parse(repo);
        GitHubReleaseRequest request = GitHubReleaseRequest.forTag(repository, releaseTag, name,
                version -> notes != null ? notes : notesFromFile(version), Optional.ofNullable(commit), draft,
                replaceAssets, !noChecksums, FileArguments.expand(files)).withLatest(GitHubLatest.parse(latest));
        GitHubReleaseReport report = GitHubReleaser.connect(GitHubEndpoint.at(apiUrl),
                GitHubTokens.fromEnvironment(environment, tokenEnv, commandLine()), repository,
                settings(), Sleeper.REAL, log())
                .release(request);
        out().println(report.summary());
        return Main.EXIT_OK;
    }

    private HttpSettings settings() {
        if (attempts < 1) {
            throw new CommandLine.ParameterException(commandLine(), "--attempts must be at least 1 (1: no retry).");
        }
        return HttpSettings.defaults().withAttempts(attempts);
    }

    private String notesFromFile(String version) {
        if (!Files.isRegularFile(notesFile)) {
            throw new ReleaseException("No release notes: " + notesFile + " does not exist. Give --notes-file (a "
                    + "Keep-a-Changelog file) or --notes.");
        }
        return ReleaseNotes.fromChangelog(notesFile, version);
    }
}
