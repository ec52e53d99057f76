package io.logflux.release.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * A usage error as docs/cli.md promises it: one {@code error: …} line (what is wrong, what to do) and where the
 * options are, never the whole usage message burying the one line that matters. Status 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println(helpPointer(command));
        return Main.EXIT_USAGE;
    }

    static String helpPointer(CommandLine command) {
        return "Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.";
    }
}
