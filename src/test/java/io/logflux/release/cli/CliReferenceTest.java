package io.logflux.release.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI reference is complete: every command and every option --help shows is documented for users. */
class CliReferenceTest {
    /** docs/cli.md, and the pages it sends the publishing and GitHub commands' options to. */
    private static final List<String> REFERENCE = List.of("docs/cli.md", "docs/publish.md", "docs/github-release.md",
            "docs/check.md");

    @Test
    void everyCommandAndOptionOfTheHelpIsInTheReference() throws Exception {
        StringBuilder docs = new StringBuilder();
        for (String page : REFERENCE) {
            docs.append(Files.readString(Path.of(page)));
        }
        CommandLine cli = new CommandLine(new Main(), new CommandFactory(name -> null));
        List<String> missing = new ArrayList<>();
        cli.getSubcommands().forEach((name, command) -> {
            if (command.getCommand() instanceof CommandLine.HelpCommand) {
                return;
            }
            if (!docs.toString().contains("## " + name) && !docs.toString().contains(" " + name + " ")) {
                missing.add(name);
            }
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String longest = option.longestName();
                if (!Pattern.compile(Pattern.quote(longest) + "(?![\\w-])").matcher(docs).find()) {
                    missing.add(name + " " + longest);
                }
            }
        });
        assertThat(missing).as("commands and options --help shows but the reference does not").isEmpty();
    }
}
