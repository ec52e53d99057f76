package io.logflux.release.cli;

import io.logflux.release.publish.IndexCredentials;
import io.logflux.release.publish.PackageIndex;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the CLI finds the token: the environment only, never an argument (arguments show in process lists and shell
 * histories). {@code --token-env NAME} names the variable; otherwise the seed's variable for the index
 * (PYPI_API_TOKEN, TEST_PYPI_API_TOKEN), then TWINE_PASSWORD as twine users have it.
 */
final class TokenOptions {
    static final String TWINE_PASSWORD = "TWINE_PASSWORD";
    static final String TWINE_USERNAME = "TWINE_USERNAME";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

    @Option(names = "--token-env", paramLabel = "NAME",
            description = "The environment variable holding the API token (default: PYPI_API_TOKEN for pypi, "
                    + "TEST_PYPI_API_TOKEN for testpypi, then TWINE_PASSWORD).")
    String tokenEnv;

    @Option(names = "--username", paramLabel = "NAME",
            description = "User name for indexes that want one (default: TWINE_USERNAME, else __token__ as PyPI needs).")
    String username;

    @Option(names = {"--token", "--password", "-p"}, hidden = true, paramLabel = "SECRET")
    void refuseSecretArgument(String ignored) {
        throw new CommandLine.ParameterException(mixee.commandLine(),
                "Tokens are never taken from the command line (process lists and shell histories show it). Put the "
                        + "token in an environment variable: PYPI_API_TOKEN, TEST_PYPI_API_TOKEN or TWINE_PASSWORD, "
                        + "or name one with --token-env.");
    }

    IndexCredentials credentials(Environment environment, PackageIndex index, CommandLine commandLine) {
        return credentials(environment, index, tokenEnv, index.tokenVariable(), "--token-env", username, commandLine);
    }

    /**
     * The token for {@code index}: from {@code tokenEnv} when given, else {@code defaultVariable} then TWINE_PASSWORD.
     *
     * @param option the option that names the variable (the usage error suggests it)
     */
    static IndexCredentials credentials(Environment environment, PackageIndex index, String tokenEnv,
                                        Optional<String> defaultVariable, String option, String username,
                                        CommandLine commandLine) {
        List<String> candidates = new ArrayList<>();
        if (tokenEnv != null) {
            candidates.add(tokenEnv);
        } else {
            defaultVariable.ifPresent(candidates::add);
            candidates.add(TWINE_PASSWORD);
        }
        TokenVariables.Found found = TokenVariables.first(environment, candidates, "No token for "
                + index.describe(), tokenEnv == null ? option : null, advice(index, tokenEnv), commandLine);
        String user = username != null ? username : environment.get(TWINE_USERNAME);
        return IndexCredentials.forIndex(index, user, found.value(), "environment variable " + found.variable());
    }

    private static String advice(PackageIndex index, String tokenEnv) {
        if (index.tokenVariable().isPresent()) {
            return "Create a token at https://pypi.org/manage/account/token/ (https://test.pypi.org/... for "
                    + "TestPyPI), scoped to the project.";
        }
        return "Use a token (or password) this index issued" + (tokenEnv != null ? "." : "; PYPI_API_TOKEN and "
                + "TEST_PYPI_API_TOKEN are read for pypi and testpypi only, so a PyPI token is never sent to "
                + "another index.");
    }
}
