package io.logflux.release.cli;

import io.logflux.release.github.GitHubToken;
import picocli.CommandLine;

import java.util.List;

/** Where the CLI finds a GitHub token: the variable named by --token-env, else GITHUB_TOKEN, then GH_TOKEN (as gh). */
final class GitHubTokens {
    private GitHubTokens() {
    }

    static GitHubToken fromEnvironment(Environment environment, String tokenEnv, CommandLine commandLine) {
        List<String> names = tokenEnv != null ? List.of(tokenEnv) : List.of("GITHUB_TOKEN", "GH_TOKEN");
        for (String variable : names) {
            String value = environment.secret(variable);
            if (value != null && !value.isBlank()) {
                return new GitHubToken(value, "environment variable " + variable);
            }
        }
        throw new CommandLine.ParameterException(commandLine, "No GitHub token: set " + String.join(" or ", names)
                + (tokenEnv == null ? ", or name the variable with --token-env" : "") + ". The token needs "
                + "'contents: write' on the repository.");
    }
}
