package io.logflux.release.cli;

import picocli.CommandLine;

/** Creates the commands, handing each the environment it reads. */
final class CommandFactory implements CommandLine.IFactory {
    private final Environment environment;

    CommandFactory(Environment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == VerifyVersionCommand.class) {
            return type.cast(new VerifyVersionCommand(environment));
        }
        if (type == ReleaseCommand.class) {
            return type.cast(new ReleaseCommand(environment));
        }
        if (type == CheckTokensCommand.class) {
            return type.cast(new CheckTokensCommand(environment));
        }
        if (type == YankCommand.class) {
            return type.cast(new YankCommand(environment));
        }
        if (type == GitHubReleaseCommand.class) {
            return type.cast(new GitHubReleaseCommand(environment));
        }
        if (type == PublishCommand.class) {
            return type.cast(new PublishCommand(environment));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
