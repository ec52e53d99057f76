package io.logflux.release.cli;

import io.logflux.release.github.GitHubToken;
import picocli.CommandLine;

import java.util.List;

/** Where the CLI finds a GitHub token: the variable named by --token-env, else GITHUB_TOKEN, then GH_TOKEN (as gh). */
final class GitHubTokens {
    private GitHubTokens() {
    }

    static GitHubToken fromEnvironment(Environment environment, String tokenEnv, CommandLine commandLine) {
        return fromEnvironment(environment, tokenEnv, tokenEnv == null ? "--token-env" : null, commandLine);
    }

    /** @param optionHint the option that names another variable, or null when the command has none */
    static GitHubToken fromEnvironment(Environment environment, String tokenEnv, String optionHint,
                                       CommandLine commandLine) {
        List<String> names = tokenEnv != null ? List.of(tokenEnv) : List.of("GITHUB_TOKEN", "GH_TOKEN");
        TokenVariables.Found found = TokenVariables.first(environment, names, "No GitHub token", optionHint,
                "The token needs 'contents: write' on the repository.", commandLine);
        return new GitHubToken(found.value(), "environment variable " + found.variable());
    }
}
