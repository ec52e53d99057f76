package io.logflux.release.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What every command has: its picocli spec, for the result on standard output, progress on standard error and usage
 * errors, and the environment it reads tokens and the release tag from ({@link CommandFactory} hands it over).
 */
abstract class EngineCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    Environment environment;

    CommandLine commandLine() {
        return spec.commandLine();
    }

    /** Where the result goes: standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where progress goes: one line at a time on standard error. */
    Consumer<String> log() {
        return spec.commandLine().getErr()::println;
    }
}
