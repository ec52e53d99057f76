package io.logflux.release.cli;

import io.logflux.release.EngineError;
import io.logflux.release.ReleaseException;
import io.logflux.release.UnreachableException;
import io.logflux.release.secret.RunSecrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * {@code java -jar logflux-release.jar <command>}: the engine as a command line, for manual recovery and any CI. The
 * top level's options and help are {@link TopLevelCommand}'s; this adds every command to it.
 */
@Command(subcommands = {ReleaseCommand.class, VerifyVersionCommand.class, CheckCommand.class, PublishCommand.class,
        AwaitCommand.class, VerifyInstallCommand.class, GitHubReleaseCommand.class, YankCommand.class,
        CheckTokensCommand.class, CommandLine.HelpCommand.class})
public final class Main extends TopLevelCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNREACHABLE = 3;
    /** The JVM itself gave up (an {@link Error} such as OutOfMemoryError): a bug, never the user's input. */
    public static final int EXIT_INTERNAL = 4;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line with the given streams and returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System::getenv);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Environment environment) {
        // Everything the run prints goes through these two: tokens a server echoed never reach the terminal.
        RunSecrets secrets = new RunSecrets();
        PrintWriter outWriter = secrets.printer(out);
        PrintWriter errWriter = secrets.printer(err);
        int status;
        try {
            status = commandLine(args, new RunEnvironment(environment, secrets), outWriter, errWriter).execute(args);
        } catch (Error e) {
            errWriter.println(internalError(e, args));
            status = EXIT_INTERNAL;
        }
        outWriter.flush();
        errWriter.flush();
        return status;
    }

    private static CommandLine commandLine(String[] args, Environment environment, PrintWriter outWriter,
                                           PrintWriter errWriter) {
        CommandLine cli = CommandTree.forArguments(args, new CommandFactory(environment))
                .setOut(outWriter)
                .setErr(errWriter)
                .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILED)
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    if (e instanceof UnreachableException) {
                        commandLine.getErr().println("error: " + e.getMessage());
                        return EXIT_UNREACHABLE;
                    }
                    if (e instanceof ReleaseException) {
                        commandLine.getErr().println("error: " + e.getMessage());
                    } else {
                        commandLine.getErr().println("internal error: " + e
                                + " (this is a bug in logflux-release; please report it with the command line)");
                        e.printStackTrace(commandLine.getErr());
                    }
                    return EXIT_FAILED;
                });
        cli.setDefaultValueProvider(new EngineDefaults());
        cli.getCommandSpec().usageMessage().width(100);
        return cli;
    }

    /** Picocli's handler sees only exceptions; an Error that escapes a command is described here. */
    static String internalError(Error e, String[] args) {
        return EngineError.describe(e, args.length == 0 ? "logflux-release" : "logflux-release " + args[0]);
    }
}
