package io.logflux.release.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code logflux-release} itself, without its commands: its standard options, description and exit statuses. {@link Main}
 * adds every command to it; a run that names its command up front gets this with only that command (see
 * {@link CommandTree}), so picocli inspects one command's options instead of all of them at each start.
 */
@Command(name = "logflux-release",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = JarVersion.class,
        description = "Releases a Python package to TestPyPI, PyPI and GitHub Releases, safely.",
        footer = {"", "Exit status: 0 success, 1 refused or failed, 2 usage error, 3 index or GitHub unreachable,",
                "4 internal error (a bug in logflux-release).",
                "Documentation: docs/cli.md"})
class TopLevelCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: give one, e.g. verify-version");
    }
}
