package io.logflux.release.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The picocli model a run parses its arguments with. Building a command's model inspects all its options and mixins
 * by reflection, which is most of the start-up time of a short command, so a run whose first argument names a command
 * gets the top level with that command only; it parses, helps and fails exactly as with all commands. Anything else
 * (no command, {@code --help}, {@code help}, a misspelt command that needs suggestions) gets every command.
 */
final class CommandTree {
    private CommandTree() {
    }

    static CommandLine forArguments(String[] args, CommandLine.IFactory factory) {
        return commandNamed(args)
                .map(command -> new CommandLine(new TopLevelCommand(), factory).addSubcommand(command))
                .orElseGet(() -> new CommandLine(new Main(), factory));
    }

    /** The command class whose name or alias is the first argument; none for {@code help}, which needs them all. */
    static Optional<Class<?>> commandNamed(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        return Arrays.stream(Main.class.getAnnotation(Command.class).subcommands())
                .filter(type -> type != CommandLine.HelpCommand.class)
                .filter(type -> names(type.getAnnotation(Command.class)).anyMatch(args[0]::equals))
                .findFirst();
    }

    private static Stream<String> names(Command command) {
        return Stream.concat(Stream.of(command.name()), Arrays.stream(command.aliases()));
    }
}
