package io.logflux.release.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that names its command gets a model of that command only, and that model behaves as the whole tree does. */
class CommandTreeTest {
    private static final CommandLine.IFactory FACTORY = new CommandFactory(name -> null);

    @Test
    void aNamedCommandGetsOnlyItself() {
        CommandLine tree = CommandTree.forArguments(new String[] {"check", "dist/*"}, FACTORY);

        assertThat(tree.getSubcommands()).containsOnlyKeys("check");
        assertThat(tree.getCommandName()).isEqualTo("logflux-release");
    }

    @Test
    void everythingElseGetsEveryCommand() {
        Map<String, CommandLine> all = new CommandLine(new Main(), FACTORY).getSubcommands();
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "check"},
                new String[] {"chek"}, new String[] {"--version", "check"})) {
            assertThat(CommandTree.forArguments(args, FACTORY).getSubcommands()).as(String.join(" ", args))
                    .containsOnlyKeys(all.keySet());
        }
    }

    @Test
    void everyCommandOfMainCanBeNamed() {
        Map<String, CommandLine> all = new CommandLine(new Main(), FACTORY).getSubcommands();
        all.forEach((name, command) -> {
            Optional<Class<?>> named = CommandTree.commandNamed(new String[] {name});
            if (command.getCommand() instanceof CommandLine.HelpCommand) {
                assertThat(named).as(name).isEmpty();
            } else {
                assertThat(named).as(name).contains(command.getCommand().getClass());
            }
        });
    }

    /** Help, usage errors and version of each command, from its own tree and from the whole one: the same text. */
    @Test
    void eachCommandAloneAnswersAsInTheWholeTree() {
        Map<String, CommandLine> all = new CommandLine(new Main(), FACTORY).getSubcommands();
        all.keySet().stream().filter(name -> !name.equals("help")).forEach(name -> {
            for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "--no-such-option"},
                    new String[] {name, "--version"})) {
                assertThat(run(CommandTree.forArguments(args, FACTORY), args)).as(String.join(" ", args))
                        .isEqualTo(run(new CommandLine(new Main(), FACTORY), args));
            }
        });
    }

    private static String run(CommandLine cli, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).setParameterExceptionHandler(new UsageErrors())
                .setDefaultValueProvider(new EngineDefaults());
        cli.getCommandSpec().usageMessage().width(100);
        int status = cli.execute(args);
        return status + "\n" + out + "\n" + err;
    }
}
