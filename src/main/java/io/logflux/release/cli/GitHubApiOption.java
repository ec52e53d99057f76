package io.logflux.release.cli;

import io.logflux.release.github.GitHubEndpoint;
import picocli.CommandLine.Option;

/** {@code --github-api-url}: which GitHub the commands that reach it as a side part talk to. */
final class GitHubApiOption {
    @Option(names = "--github-api-url", paramLabel = "URL", description = "GitHub Enterprise Server: https://HOST/api/v3.")
    String url;

    GitHubEndpoint endpoint() {
        return GitHubEndpoint.at(url);
    }
}
