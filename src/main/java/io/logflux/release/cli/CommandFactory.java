package io.logflux.release.cli;

import picocli.CommandLine;

import java.util.Map;
import java.util.function.Function;

/** Creates the commands, handing each that reads the environment the environment. */
final class CommandFactory implements CommandLine.IFactory {
    private static final Map<Class<?>, Function<Environment, Object>> WITH_ENVIRONMENT = Map.of(
            VerifyVersionCommand.class, VerifyVersionCommand::new,
            ReleaseCommand.class, ReleaseCommand::new,
            CheckTokensCommand.class, CheckTokensCommand::new,
            YankCommand.class, YankCommand::new,
            GitHubReleaseCommand.class, GitHubReleaseCommand::new,
            PublishCommand.class, PublishCommand::new);

    private final Environment environment;

    CommandFactory(Environment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Function<Environment, Object> constructor = WITH_ENVIRONMENT.get(type);
        return constructor != null ? type.cast(constructor.apply(environment))
                : CommandLine.defaultFactory().create(type);
    }
}
