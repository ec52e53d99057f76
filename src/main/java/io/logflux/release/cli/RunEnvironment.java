package io.logflux.release.cli;

import io.logflux.release.secret.RunSecrets;

import java.util.List;

/**
 * The environment of one command line run, which notes every token it hands out in the run's {@link RunSecrets}
 * (what {@link Main} prints through redacts them). The variables the CLI reads tokens from by default are noted up
 * front, used or not: a server may echo a token the command never meant to send.
 */
final class RunEnvironment implements Environment {
    static final List<String> TOKEN_VARIABLES = List.of("PYPI_API_TOKEN", "TEST_PYPI_API_TOKEN",
            TokenOptions.TWINE_PASSWORD, "GITHUB_TOKEN", "GH_TOKEN");

    private final Environment environment;
    private final RunSecrets secrets;

    RunEnvironment(Environment environment, RunSecrets secrets) {
        this.environment = environment;
        this.secrets = secrets;
        TOKEN_VARIABLES.forEach(this::secret);
    }

    @Override
    public String get(String name) {
        return environment.get(name);
    }

    @Override
    public String secret(String name) {
        String value = environment.get(name);
        secrets.addValue(value, "environment variable " + name);
        return value;
    }

    @Override
    public RunSecrets secrets() {
        return secrets;
    }
}
