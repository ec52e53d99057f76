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

    /**
     * The synopses in docs/cli.md (the command lines that show optional parts in brackets) bracket exactly the options
     * --help does not require: {@code github-release --tag} is optional, so the reference must not show it as needed.
     */
    @Test
    void theSynopsesBracketExactlyTheOptionsThatAreNotRequired() throws Exception {
        CommandLine cli = new CommandLine(new Main(), new CommandFactory(name -> null));
        List<String> wrong = new ArrayList<>();
        for (String synopsis : synopses(Files.readAllLines(Path.of("docs/cli.md")))) {
            String[] words = synopsis.split("\\s+");
            CommandLine command = cli.getSubcommands().get(words[3]);
            assertThat(command).as("the command of " + synopsis).isNotNull();
            int depth = 0;
            for (String word : words) {
                String name = word.replaceAll("^\\[+", "");
                depth += word.length() - name.length();
                if (name.startsWith("--")) {
                    String option = name.replaceAll("[^\\w-].*$", "");
                    CommandLine.Model.OptionSpec spec = command.getCommandSpec().findOption(option);
                    if (spec == null) {
                        wrong.add(words[3] + " " + option + ": no such option");
                    } else if (spec.required() != (depth == 0)) {
                        wrong.add(words[3] + " " + option + (spec.required() ? ": required, but in brackets"
                                : ": optional, but shown without brackets"));
                    }
                }
                depth -= word.chars().filter(c -> c == ']').count() - word.chars().filter(c -> c == '[').count()
                        + (word.length() - name.length());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Each synopsis with its continuation lines joined, comments cut off. */
    private static List<String> synopses(List<String> lines) {
        List<String> synopses = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("java -jar target/logflux-release.jar ")
                    || lines.get(i).startsWith("java -jar target/logflux-release.jar --")) {
                continue;
            }
            StringBuilder synopsis = new StringBuilder(lines.get(i).replaceAll("\\\\$", ""));
            while (i + 1 < lines.size() && lines.get(i + 1).startsWith(" ")) {
                synopsis.append(' ').append(lines.get(++i).strip().replaceAll("\\\\$", ""));
            }
            String text = synopsis.toString().replaceAll("\\s#.*$", "");
            if (text.contains("[")) {
                synopses.add(text);
            }
        }
        return synopses;
    }

    /** Every token variable a command's --help names is named in that command's section of docs/cli.md. */
    @Test
    void eachCommandsSectionNamesTheTokenVariablesItsHelpNames() throws Exception {
        String reference = Files.readString(Path.of("docs/cli.md"));
        CommandLine cli = new CommandLine(new Main(), new CommandFactory(name -> null));
        Pattern variable = Pattern.compile("\\b(?:[A-Z]+_)*(?:TOKEN|PASSWORD|USERNAME)\\b");
        List<String> missing = new ArrayList<>();
        cli.getSubcommands().forEach((name, command) -> {
            if (command.getCommand() instanceof CommandLine.HelpCommand) {
                return;
            }
            String section = section(reference, name);
            java.util.regex.Matcher named = variable.matcher(command.getUsageMessage());
            while (named.find()) {
                if (!section.contains(named.group())) {
                    missing.add(name + " " + named.group());
                }
            }
        });
        assertThat(missing).as("token variables --help names that the command's section does not").isEmpty();
    }

    /** From the "## " heading that names the command to the next heading of that level; empty when none. */
    private static String section(String reference, String command) {
        java.util.regex.Matcher heading = Pattern.compile("(?m)^## .*(?<![\\w-])" + Pattern.quote(command)
                + "(?![\\w-]).*$").matcher(reference);
        if (!heading.find()) {
            return "";
        }
        int end = reference.indexOf("\n## ", heading.end());
        return reference.substring(heading.start(), end < 0 ? reference.length() : end);
    }
}
