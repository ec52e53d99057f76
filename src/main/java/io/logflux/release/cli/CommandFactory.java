package io.logflux.release.cli;

import picocli.CommandLine;

/** Creates the commands, handing each the environment it reads tokens and the release tag from. */
final class CommandFactory implements CommandLine.IFactory {
    private final Environment environment;

    CommandFactory(Environment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K created = CommandLine.defaultFactory().create(type);
        if (created instanceof EngineCommand command) {
            command.environment = environment;
        }
        return created;
    }
}
